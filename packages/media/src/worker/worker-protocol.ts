import type { PlaylistItem } from '../playback/playlist.js';
import type { RecordingMode } from '../recording/call-recorder.js';
import type { Direction } from '../sdp/sdp-parser.js';
import type { SessionEvent, SessionStats } from '../session/session-events.js';

/** Roles a supervisor can take on a call (SUP-2). */
export type SupervisionMode = 'listen' | 'whisper' | 'barge';

/** What the main thread asks a media worker to do; each has one reply (see `CommandResult`). */
export type WorkerCommand =
  | { op: 'create'; sessionId: string; offer?: string; direction?: Direction; codecs?: ('PCMU' | 'PCMA')[]; inbandDtmf?: boolean | 'auto'; latch?: boolean }
  | { op: 'answer'; sessionId: string; offer: string; direction?: Direction }
  | { op: 'offer'; sessionId: string; direction?: Direction }
  | { op: 'set-remote'; sessionId: string; answer: string }
  | { op: 'play'; sessionId: string; items: PlaylistItem[]; loop?: boolean; bargeIn?: boolean }
  | { op: 'stop'; sessionId: string }
  | { op: 'send-digits'; sessionId: string; digits: string }
  | { op: 'info-digit'; sessionId: string; digit: string }
  | { op: 'record'; sessionId: string; action: 'start'; path: string; mode?: RecordingMode }
  | { op: 'record'; sessionId: string; action: 'pause' | 'resume' | 'stop' }
  | { op: 'bridge'; a: string; b: string }
  | { op: 'unbridge'; sessionId: string }
  | { op: 'conference'; conferenceId: string; sessionIds: string[] }
  | { op: 'supervise'; conferenceId: string; supervisorId: string; agentId: string; callerId: string; mode: SupervisionMode }
  | { op: 'leave'; sessionId: string }
  | { op: 'stats'; sessionId: string }
  | { op: 'close'; sessionId: string; reason?: string }
  | { op: 'counts' };

export interface CreateResult {
  port: number;
  /** Our answer when an offer was given, else our offer. */
  sdp: string;
}

export interface WorkerCounts {
  sessions: number;
  ports: number;
  conferences: number;
  lateTicks: number;
  /** Worst lateness of a pacer tick, in ms (max over workers). */
  worstLateMs: number;
}

export type CommandResult = CreateResult | { sdp: string } | SessionStats | WorkerCounts | { path: string; durationMs: number } | Record<string, never>;

/** Settings a worker gets at start (workerData). */
export interface WorkerSettings {
  /** Address we bind and write in SDP. */
  address: string;
  portRange: { min: number; max: number };
  jitterDepth?: number;
  rtcpIntervalMs?: number;
  /** 'debug' forwards the worker's debug lines too (one per RTP packet before the remote SDP, …). */
  logLevel?: 'debug' | 'info';
  /** Directory for espeak-ng's cache; TTS items fail without it. */
  ttsCacheDir?: string;
}

export type ToWorker = { kind: 'request'; id: number; command: WorkerCommand };

export type FromWorker =
  | { kind: 'reply'; id: number; ok: true; result: CommandResult }
  | { kind: 'reply'; id: number; ok: false; error: { name: string; message: string } }
  | { kind: 'event'; sessionId: string; event: SessionEvent }
  | { kind: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; obj: unknown; msg?: string }
  | { kind: 'ready' };
