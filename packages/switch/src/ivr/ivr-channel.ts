/**
 * What the IVR interpreter needs from a call, and what it hands back. The switch implements
 * `IvrChannel` over a SIP call's media session; tests (and the designer's simulator) implement it
 * over a script. The interpreter never touches SIP or RTP.
 */
import type { PlaylistItem } from '@rexian/media';

export interface PlayResult {
  /** The key that stopped the prompt (barge-in), if any. */
  digit?: string;
}

export interface CollectOptions {
  /** Collect at most this many digits (the terminator not counted). */
  maxDigits: number;
  /** A key that ends input early, e.g. '#'; not part of the digits. */
  terminator?: string;
  /** Time allowed for the first key after the prompt ended. */
  firstDigitTimeoutMs: number;
  /** Time allowed between keys. */
  interDigitTimeoutMs: number;
  /** Keys already pressed (barge-in of the prompt) count as the start of the input. */
  initial?: string;
}

export interface CollectResult {
  digits: string;
  /** `max` reached, `terminator` pressed, or `timeout` (possibly with some digits). */
  reason: 'max' | 'terminator' | 'timeout';
}

export type TransferResult = 'answered' | 'busy' | 'no-answer' | 'failed';

export interface IvrChannel {
  /** Plays prompts; resolves when they finish, or at the first key when `bargeIn`. */
  play(items: PlaylistItem[], options: { bargeIn: boolean }): Promise<PlayResult>;
  /** Waits for keys (already-buffered keys pressed during a non-barge-in prompt are discarded). */
  collect(options: CollectOptions): Promise<CollectResult>;
  /** Rings `target` (extension or outside number); on `answered` the caller is connected and the flow ends. */
  transfer(target: string, options: { timeoutMs: number }): Promise<TransferResult>;
  /** Records the caller after a beep, up to `maxMs` or a key; returns where the file is. */
  record(options: { maxMs: number; beep: boolean; purpose: 'voicemail' | 'recording' }): Promise<{ path: string; durationMs: number }>;
  /** Stores a voicemail for the call (the flow's `voicemail` node: prompt, record, store, hang up). */
  leaveVoicemail(recording: { path: string; durationMs: number }): Promise<void>;
  /** Stores a satisfaction score (1–5) for the call. */
  saveSurvey(score: number, question: string): Promise<void>;
  /** Aborted when the caller hangs up: every pending play/collect/transfer then rejects. */
  readonly signal: AbortSignal;
}

/** Business hours and other calendar facts the `condition` node asks. */
export interface IvrCalendar {
  /** Whether `at` is inside business hours (working day, working interval, not a holiday). */
  isOpen(at: Date): boolean;
}

export interface IvrEnvironment {
  channel: IvrChannel;
  calendar: IvrCalendar;
  /** The published graph of another flow (for `subflow`), or undefined if it has none. */
  loadFlow(flowId: number): Promise<unknown | undefined>;
  /** HTTP for the `http` node (injected so tests and the simulator can answer). */
  fetch: typeof fetch;
  now(): Date;
  /** Called as the call enters each node: the CDR's IVR path and the CTI's live view. */
  onNode?(nodeId: string, flowId: number | undefined): void;
  /** Called when a variable is set (from digits, an HTTP answer or a `set` node). */
  onVariable?(name: string, value: string): void;
}

/**
 * How a flow ended: the switch carries this out. `queue` with the queue id and a priority boost;
 * `agent` is the "to an agent" key with no queue named in the flow (the route's default queue);
 * `transferred` and `hangup` need nothing more; `caller-hung-up` when the signal aborted.
 */
export type IvrOutcome =
  | { kind: 'queue'; queueId: number; priority?: number }
  | { kind: 'agent' }
  | { kind: 'transferred'; target: string }
  | { kind: 'voicemail' }
  | { kind: 'hangup' }
  | { kind: 'caller-hung-up' };
