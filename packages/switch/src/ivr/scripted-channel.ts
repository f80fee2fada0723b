/**
 * Test support: an `IvrChannel` driven by a script of what the caller does, and an environment
 * around it that records the path through the flow. Each entry answers the next interaction that
 * waits for the caller:
 * - `{ bargeIn: '1' }` — a key pressed during the next prompt that allows barge-in;
 * - `{ listen: true }` — the next prompt is heard to its end (before a `bargeIn` meant for a later one);
 * - `{ press: '1234#' }` — keys typed at the next key reader (after `initial`), then a pause;
 * - `{ silence: true }` — no key at the next key reader (its timeout);
 * - `{ transfer: 'busy' }` — how the next transfer ends;
 * - `{ hangUp: true }` — the caller hangs up during the next prompt, key reader or transfer;
 * - `{ fail: true }` — the next play, collect, transfer or record fails (media trouble).
 * A key reader or transfer with the script used up hangs up, so every test ends.
 */
import type { PlaylistItem } from '@rexian/media';
import type {
  CollectOptions, CollectResult, IvrChannel, IvrEnvironment, PlayResult, TransferResult,
} from './ivr-channel';

export type CallerAction =
  | { bargeIn: string }
  | { listen: true }
  | { press: string }
  | { silence: true }
  | { transfer: TransferResult }
  | { hangUp: true }
  | { fail: true };

export class ScriptedChannel implements IvrChannel {
  /** What happened, in order: `play:<text>`, `collect:<initial>`, `transfer:<target>`, `record:<purpose>`, `voicemail`, `survey:<score>`. */
  readonly log: string[] = [];
  readonly played: PlaylistItem[][] = [];
  readonly collected: CollectOptions[] = [];
  readonly surveys: { score: number; question: string }[] = [];
  readonly voicemails: { path: string; durationMs: number }[] = [];
  private readonly controller = new AbortController();
  private recordings = 0;

  constructor(private readonly script: CallerAction[]) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether every scripted action was used. */
  get finished(): boolean {
    return this.script.length === 0;
  }

  /** The texts the caller heard, in order. */
  get heard(): string[] {
    return this.played.flat().flatMap((item) => (item.kind === 'tts' ? [item.text] : item.kind === 'file' ? [`[${item.path}]`] : []));
  }

  /** The caller hangs up now (from a test, while the flow waits for something else). */
  hangUp(): void {
    this.controller.abort();
  }

  /** A pending channel operation rejects as the real channel does when the caller hangs up. */
  private hangUpNow(): never {
    this.controller.abort();
    throw new DOMException('the caller hung up', 'AbortError');
  }

  private takeIf<K extends string>(key: K): Extract<CallerAction, Record<K, unknown>> | undefined {
    const next = this.script[0];
    if (next === undefined || !(key in next)) return undefined;
    this.script.shift();
    return next as Extract<CallerAction, Record<K, unknown>>;
  }

  private interrupted(): void {
    if (this.signal.aborted || this.takeIf('hangUp')) this.hangUpNow();
    if (this.takeIf('fail')) throw new Error('media failure (scripted)');
  }

  async play(items: PlaylistItem[], options: { bargeIn: boolean }): Promise<PlayResult> {
    this.interrupted();
    this.played.push(items);
    this.log.push(`play:${items.map((i) => (i.kind === 'tts' ? i.text : i.kind)).join('|')}`);
    const canBargeIn = options.bargeIn && items.some((item) => item.bargeIn !== false);
    if (this.takeIf('listen')) return {};
    const key = canBargeIn ? this.takeIf('bargeIn') : undefined;
    return key === undefined ? {} : { digit: key.bargeIn };
  }

  async collect(options: CollectOptions): Promise<CollectResult> {
    this.interrupted();
    this.collected.push(options);
    this.log.push(`collect:${options.initial ?? ''}`);
    if (this.takeIf('silence')) return { digits: options.initial ?? '', reason: 'timeout' };
    const typed = this.takeIf('press');
    if (typed === undefined) this.hangUpNow();
    let digits = '';
    for (const key of (options.initial ?? '') + typed.press) {
      if (key === options.terminator) return { digits, reason: 'terminator' };
      digits += key;
      if (digits.length >= options.maxDigits) return { digits, reason: 'max' };
    }
    return { digits, reason: 'timeout' };
  }

  async transfer(target: string): Promise<TransferResult> {
    this.interrupted();
    this.log.push(`transfer:${target}`);
    const result = this.takeIf('transfer');
    if (result === undefined) this.hangUpNow();
    return result.transfer;
  }

  async record(options: { maxMs: number; beep: boolean; purpose: 'voicemail' | 'recording' }): Promise<{ path: string; durationMs: number }> {
    this.interrupted();
    this.recordings += 1;
    this.log.push(`record:${options.purpose}`);
    return { path: `/recordings/${options.purpose}-${this.recordings}.wav`, durationMs: Math.min(options.maxMs, 4000) };
  }

  async leaveVoicemail(recording: { path: string; durationMs: number }): Promise<void> {
    this.voicemails.push(recording);
    this.log.push('voicemail');
  }

  async saveSurvey(score: number, question: string): Promise<void> {
    this.surveys.push({ score, question });
    this.log.push(`survey:${score}`);
  }
}

export interface ScriptedCall {
  env: IvrEnvironment;
  channel: ScriptedChannel;
  /** `onNode` calls as `nodeId` (or `flowId:nodeId` inside a flow with an id). */
  path: string[];
  /** `onVariable` calls, latest value per name. */
  variables: Record<string, string>;
}

export interface ScriptedCallOptions {
  open?: boolean;
  now?: Date;
  fetch?: typeof fetch;
  flows?: Record<number, unknown>;
}

export function scriptedCall(script: CallerAction[], options: ScriptedCallOptions = {}): ScriptedCall {
  const channel = new ScriptedChannel([...script]);
  const path: string[] = [];
  const variables: Record<string, string> = {};
  const env: IvrEnvironment = {
    channel,
    calendar: { isOpen: () => options.open ?? true },
    loadFlow: async (flowId) => options.flows?.[flowId],
    fetch: options.fetch ?? (async () => { throw new Error('no HTTP in this test'); }),
    now: () => options.now ?? new Date('2026-11-23T02:00:00Z'),
    onNode: (nodeId, flowId) => path.push(flowId === undefined ? nodeId : `${flowId}:${nodeId}`),
    onVariable: (name, value) => {
      variables[name] = value;
    },
  };
  return { env, channel, path, variables };
}
