import type { Channel } from '../work-item';
import { DEFAULT_CAPACITY, type AgentConfig } from './agent-config';
import { AgentState, AgentStateMachine } from './agent-state-machine';

const DAY_MS = 86_400_000;

/** A wrap-up in progress: after which item, in which queue, since when. */
export interface WrapUp {
  itemId: string;
  queueId: string;
  startedAt: number;
}

/**
 * An agent at run time: state, the offers ringing and items in hand, and today's counters.
 * `load` counts offers and assignments per channel: an offer holds a place until answered.
 */
export class Agent {
  readonly machine = new AgentStateMachine();
  offers: string[] = [];
  assignments: string[] = [];
  load: Partial<Record<Channel, number>> = {};
  callsToday = 0;
  talkTodayMs = 0;
  day = 0;
  idleSince = 0;
  wrapUp: WrapUp | undefined;

  constructor(public config: AgentConfig) {}

  get id(): string {
    return this.config.id;
  }

  get state(): AgentState {
    return this.machine.state;
  }

  capacity(channel: Channel): number {
    return (this.config.capacity ?? DEFAULT_CAPACITY)[channel] ?? 0;
  }

  get busy(): boolean {
    return this.offers.length + this.assignments.length > 0;
  }

  /** Ready, and room for one more item of this channel (offers count). */
  canTake(channel: Channel): boolean {
    if (this.machine.state !== AgentState.Ready) return false;
    if ((this.load[channel] ?? 0) >= this.capacity(channel)) return false;
    if (this.config.callBlocksOtherChannels !== false && this.onCall()) return false;
    return true;
  }

  /** Ready with room in some channel. */
  hasRoom(): boolean {
    if (this.machine.state !== AgentState.Ready) return false;
    const capacity = this.config.capacity ?? DEFAULT_CAPACITY;
    for (const channel of Object.keys(capacity) as Channel[]) if (this.canTake(channel)) return true;
    return false;
  }

  onCall(): boolean {
    return (this.load.voice ?? 0) + (this.load.callback ?? 0) > 0;
  }

  hold(channel: Channel): void {
    this.load[channel] = (this.load[channel] ?? 0) + 1;
  }

  release(channel: Channel): void {
    this.load[channel] = Math.max(0, (this.load[channel] ?? 0) - 1);
  }

  /** Today's counters start again at midnight (in the engine's time zone offset). */
  rollDay(now: number, offsetMs: number): void {
    const day = Math.floor((now + offsetMs) / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.callsToday = 0;
      this.talkTodayMs = 0;
    }
  }
}
