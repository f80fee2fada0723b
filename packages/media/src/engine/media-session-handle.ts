import type { PlaylistItem } from '../playback/playlist.js';
import type { RecordingMode } from '../recording/call-recorder.js';
import type { Direction } from '../sdp/sdp-parser.js';
import type { SessionEvent, SessionStats } from '../session/session-events.js';
import type { WorkerClient } from './worker-client.js';

export interface CreateSessionOptions {
  id?: string;
  /** The peer's SDP offer; without it the session makes an offer. */
  offer?: string;
  direction?: Direction;
  /** Legs that will be bridged or mixed together share a group (and so a worker). */
  group?: string;
  codecs?: ('PCMU' | 'PCMA')[];
  inbandDtmf?: boolean | 'auto';
  /** Symmetric RTP: answer to where the peer's packets come from (phones behind NAT). */
  latch?: boolean;
}

export interface PlayOptions {
  loop?: boolean;
  /** Stop on the first digit (barge-in). */
  bargeIn?: boolean;
}

/** The main thread's handle on one media session living in a worker. */
export class MediaSessionHandle {
  constructor(
    readonly id: string,
    readonly port: number,
    /** Our SDP: the answer to the offer we were created with, or our offer. */
    readonly sdp: string,
    private readonly worker: WorkerClient,
    private readonly subscribe: (listener: (sessionId: string, event: SessionEvent) => void) => () => void,
  ) {}

  /** Listens to this session's events (dtmf, playback-finished, …); returns a function that stops. */
  on(listener: (event: SessionEvent) => void): () => void {
    return this.subscribe((sessionId, event) => {
      if (sessionId === this.id) listener(event);
    });
  }

  get workerIndex(): number {
    return this.worker.index;
  }

  async answer(offer: string, direction?: Direction): Promise<string> {
    return ((await this.worker.request({ op: 'answer', sessionId: this.id, offer, ...(direction ? { direction } : {}) })) as { sdp: string }).sdp;
  }

  async offer(direction?: Direction): Promise<string> {
    return ((await this.worker.request({ op: 'offer', sessionId: this.id, ...(direction ? { direction } : {}) })) as { sdp: string }).sdp;
  }

  async setRemote(answer: string): Promise<void> {
    await this.worker.request({ op: 'set-remote', sessionId: this.id, answer });
  }

  /** Plays prompts, TTS text, tones or silence; `playback-finished` reports the end. */
  async play(items: PlaylistItem[], options: PlayOptions = {}): Promise<void> {
    await this.worker.request({ op: 'play', sessionId: this.id, items, ...options });
  }

  async stop(): Promise<void> {
    await this.worker.request({ op: 'stop', sessionId: this.id });
  }

  async sendDigits(digits: string): Promise<void> {
    await this.worker.request({ op: 'send-digits', sessionId: this.id, digits });
  }

  /** Hands up a digit the signalling layer got in a SIP INFO (see `digitFromSipInfo`). */
  async infoDigit(digit: string): Promise<void> {
    await this.worker.request({ op: 'info-digit', sessionId: this.id, digit });
  }

  async startRecording(path: string, mode: RecordingMode = 'stereo'): Promise<void> {
    await this.worker.request({ op: 'record', sessionId: this.id, action: 'start', path, mode });
  }

  async pauseRecording(): Promise<void> {
    await this.worker.request({ op: 'record', sessionId: this.id, action: 'pause' });
  }

  async resumeRecording(): Promise<void> {
    await this.worker.request({ op: 'record', sessionId: this.id, action: 'resume' });
  }

  /** Closes the file; resolves with its path and length. */
  async stopRecording(): Promise<{ path: string; durationMs: number }> {
    return (await this.worker.request({ op: 'record', sessionId: this.id, action: 'stop' })) as { path: string; durationMs: number };
  }

  /** Stops relaying this leg to its bridge partner (both directions); the partner is unbridged too. */
  async unbridge(): Promise<void> {
    await this.worker.request({ op: 'unbridge', sessionId: this.id });
  }

  /** Leaves whatever conference this leg is in. */
  async leaveConference(): Promise<void> {
    await this.worker.request({ op: 'leave', sessionId: this.id });
  }

  async stats(): Promise<SessionStats> {
    return (await this.worker.request({ op: 'stats', sessionId: this.id })) as SessionStats;
  }

  async close(reason?: string): Promise<void> {
    if (this.worker.exited) return;
    await this.worker.request({ op: 'close', sessionId: this.id, ...(reason ? { reason } : {}) });
  }
}
