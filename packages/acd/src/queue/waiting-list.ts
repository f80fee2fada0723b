import { CHANNELS, type Channel, type WorkItem } from '../work-item';
import { IndexedHeap } from './indexed-heap';

/**
 * A queue's waiting items: one priority heap per channel, so that a call no one can take now does
 * not hide the chats behind it (and looking for the best item an agent can take costs at most one
 * comparison per channel, not a walk down the queue).
 */
export class WaitingList {
  private readonly heaps = new Map<Channel, IndexedHeap<WorkItem>>();
  private count = 0;

  constructor(readonly before: (a: WorkItem, b: WorkItem) => boolean) {}

  get size(): number {
    return this.count;
  }

  push(item: WorkItem): void {
    let heap = this.heaps.get(item.channel);
    if (!heap) this.heaps.set(item.channel, (heap = new IndexedHeap(this.before, (x) => x.id)));
    heap.push(item);
    this.count++;
  }

  remove(item: WorkItem): boolean {
    const removed = this.heaps.get(item.channel)?.remove(item.id) !== undefined;
    if (removed) this.count--;
    return removed;
  }

  /** The best waiting item among the channels `open` lets through (all when omitted). */
  peek(open?: (channel: Channel) => boolean): WorkItem | undefined {
    let best: WorkItem | undefined;
    for (const [channel, heap] of this.heaps) {
      const head = heap.peek();
      if (head && (!open || open(channel)) && (!best || this.before(head, best))) best = head;
    }
    return best;
  }

  /**
   * Every waiting item, channel by channel in a fixed order, each in its heap's array order:
   * pushing them back in this order rebuilds the very same heaps (each parent is pushed before its
   * children, so nothing moves), which keeps a restored engine's snapshots identical.
   */
  values(): WorkItem[] {
    return CHANNELS.flatMap((channel) => this.heaps.get(channel)?.values() ?? []);
  }

  /** 1-based place among the items of the same channel (a chat does not wait behind calls). O(n). */
  position(item: WorkItem): number {
    let ahead = 0;
    for (const other of this.heaps.get(item.channel)?.values() ?? []) if (other !== item && this.before(other, item)) ahead++;
    return ahead + 1;
  }
}
