/** Where a digit came from: RTP events, tones in the audio, or the signalling layer (SIP INFO). */
export type DtmfSource = 'rfc4733' | 'inband' | 'info';

/** Loss and jitter of a session's streams, as reported to the main thread. */
export interface SessionStats {
  packetsSent: number;
  packetsReceived: number;
  /** Packets lost from the peer's stream (RFC 3550 A.3), cumulative. */
  packetsLost: number;
  /** Interarrival jitter of the peer's stream in milliseconds (RFC 3550 A.8). */
  jitterMs: number;
  /** What the peer reported about our stream in its last RTCP report block, if any. */
  remote?: { fractionLost: number; cumulativeLost: number; jitterMs: number };
}

/** Events a media session sends up to whoever controls it. */
export type SessionEvent =
  | { type: 'dtmf'; digit: string; source: DtmfSource }
  | { type: 'playback-finished'; reason: 'completed' | 'barged-in' | 'stopped' | 'closed'; digit?: string }
  | { type: 'recording-closed'; path: string; durationMs: number }
  | { type: 'stats'; stats: SessionStats }
  | { type: 'closed'; reason: string; stats: SessionStats };
