import { itemBefore } from '../priority/item-order';
import type { WorkItem } from '../work-item';
import { queueSettings, type QueueConfig, type QueueSettings } from './queue-config';
import { WaitingList } from './waiting-list';

/** An eligible agent's place in a queue: penalty tier and fixed order (for linear, round robin). */
export interface Member {
  penalty: number;
  order: number;
}

/**
 * A queue at run time: its waiting items in priority order, its eligible members, and an index of
 * the members who are ready so that a routing decision looks only at them.
 */
export class AcdQueue {
  settings: QueueSettings;
  waiting: WaitingList;
  readonly members = new Map<string, Member>();
  readonly ready = new Set<string>();
  nextOrder = 0;
  /** Round-robin memory: order of the member chosen last. */
  lastOrder: number | undefined;
  /** Exponentially weighted handle time of recent items, for estimated waits. */
  handleEwmaMs: number;

  constructor(public config: QueueConfig) {
    this.settings = queueSettings(config);
    this.waiting = new WaitingList(itemBefore(this.settings.agingStepMs));
    this.handleEwmaMs = this.settings.expectedHandleMs;
  }

  get id(): string {
    return this.config.id;
  }

  /** New settings; the waiting items are re-ordered if aging changed. */
  reconfigure(config: QueueConfig): void {
    this.config = config;
    this.settings = queueSettings(config);
    const items = [...this.waiting.values()];
    this.waiting = new WaitingList(itemBefore(this.settings.agingStepMs));
    for (const item of items) this.waiting.push(item);
  }

  /** Recent handle times weigh 20 %, so the estimate follows the day without jumping. */
  recordHandleTime(ms: number): void {
    this.handleEwmaMs = 0.8 * this.handleEwmaMs + 0.2 * ms;
  }

  /** 1-based place of a waiting item among its channel's (O(n): for announcements, not for routing). */
  position(item: WorkItem): number {
    return this.waiting.position(item);
  }
}
