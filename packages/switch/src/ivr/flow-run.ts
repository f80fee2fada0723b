/**
 * The state of one call running through IVR flows: its variables, the step count, a key pressed
 * during a prompt that is still to be used (type-ahead), and the channel calls wrapped so that a
 * failing prompt or key reader is not fatal while a hang-up ends everything.
 */
import type { IvrFlowSettings, IvrGraph, IvrNode, IvrPrompt } from '@rexian/contracts';
import type { PlaylistItem } from '@rexian/media';
import type { CollectOptions, CollectResult, IvrEnvironment, IvrOutcome } from './ivr-channel';
import { promptsToPlaylist } from './prompts-to-playlist';

/** Thrown inside the interpreter when the caller hangs up; `runFlow` turns it into `caller-hung-up`. */
export class CallerHungUp extends Error {
  override readonly name = 'CallerHungUp';
}

/** What running a node leads to. */
export type NodeResult =
  /** Follow `next[outcome]`; no such edge ends the call. */
  | { outcome: string }
  /** Go to this node of the same flow (goto, menu back/top keys). */
  | { jump: string }
  /** The flow ends; `return` continues the calling flow. */
  | { end: IvrOutcome | { kind: 'return' } };

export const DEFAULT_KEYS = { backKey: '*', topKey: '#', agentKey: '0' } as const;
export const DEFAULT_MAX_STEPS = 1000;
export const MAX_VARIABLE_LENGTH = 1000;

/** One flow being run (the main flow, or a sub-flow) with its own menu stack. */
export interface FlowFrame {
  graph: IvrGraph;
  flowId: number | undefined;
  nodes: Map<string, IvrNode>;
  /** Menus entered, outermost first: the back key goes to the one before the last, the top key to the first. */
  menuStack: string[];
  keys: { backKey: string | null; topKey: string | null; agentKey: string | null };
  agentQueueId: number | null;
  /** Sub-flow nesting: 0 for the flow the call started in. */
  depth: number;
}

export function flowFrame(graph: IvrGraph, flowId: number | undefined, depth: number): FlowFrame {
  const settings: IvrFlowSettings = graph.settings;
  return {
    graph,
    flowId,
    nodes: new Map(graph.nodes.map((node) => [node.id, node])),
    menuStack: [],
    keys: {
      backKey: settings.backKey === undefined ? DEFAULT_KEYS.backKey : settings.backKey,
      topKey: settings.topKey === undefined ? DEFAULT_KEYS.topKey : settings.topKey,
      agentKey: settings.agentKey === undefined ? DEFAULT_KEYS.agentKey : settings.agentKey,
    },
    agentQueueId: settings.agentQueueId ?? null,
    depth,
  };
}

export class FlowRun {
  steps = 0;
  /** A key that stopped a barge-in prompt and has not been used by a menu or collect yet. */
  pendingDigit: string | undefined;
  readonly variables: Record<string, string>;

  constructor(
    readonly env: IvrEnvironment,
    readonly maxSteps: number,
    variables: Readonly<Record<string, string>>,
  ) {
    this.variables = { ...variables };
  }

  get signal(): AbortSignal {
    return this.env.channel.signal;
  }

  throwIfHungUp(): void {
    if (this.signal.aborted) throw new CallerHungUp();
  }

  /** The listener's failure must not end the caller's flow. */
  enter(nodeId: string, flowId: number | undefined): void {
    try {
      this.env.onNode?.(nodeId, flowId);
    } catch {
      // a broken listener (CDR, CTI view) must not break the call
    }
  }

  set(name: string, rawValue: string): void {
    // Variables travel with the call to the CDR and the agent's screen pop: a runaway HTTP answer must not.
    const value = rawValue.slice(0, MAX_VARIABLE_LENGTH);
    this.variables[name] = value;
    try {
      this.env.onVariable?.(name, value);
    } catch {
      // as in enter()
    }
  }

  takePendingDigit(): string | undefined {
    const digit = this.pendingDigit;
    this.pendingDigit = undefined;
    return digit;
  }

  /** Plays prompts; returns the key that stopped them. A prompt that fails to play counts as played. */
  async play(prompts: readonly IvrPrompt[], bargeIn: boolean): Promise<string | undefined> {
    return this.playItems(promptsToPlaylist(prompts, this.variables), bargeIn);
  }

  async playItems(items: PlaylistItem[], bargeIn: boolean): Promise<string | undefined> {
    this.throwIfHungUp();
    if (items.length === 0) return undefined;
    try {
      const result = await this.env.channel.play(items, { bargeIn });
      return bargeIn && result.digit !== undefined && result.digit !== '' ? result.digit : undefined;
    } catch {
      // A prompt that cannot be played (missing file, TTS down) is skipped, unless the caller is gone.
      this.throwIfHungUp();
      return undefined;
    }
  }

  /** Waits for keys; a key reader that fails counts as a timeout without keys. */
  async collect(options: CollectOptions): Promise<CollectResult> {
    this.throwIfHungUp();
    try {
      return await this.env.channel.collect(options);
    } catch {
      this.throwIfHungUp();
      return { digits: '', reason: 'timeout' };
    }
  }

  /** One key within `timeoutMs` (menus, the survey); undefined when none came. */
  async oneKey(timeoutMs: number): Promise<string | undefined> {
    const result = await this.collect({ maxDigits: 1, firstDigitTimeoutMs: timeoutMs, interDigitTimeoutMs: timeoutMs });
    return result.digits === '' ? undefined : result.digits[0];
  }
}
