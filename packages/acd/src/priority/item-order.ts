import type { WorkItem } from '../work-item';

/**
 * Priority with aging (ACD-3): higher priority first, then longest waiting; with aging a waiting
 * item gains one priority point per `agingStepMs` waited, so no one waits forever.
 *
 * Why a plain heap still works with aging: we age continuously, effective = base + (now − enqueuedAt)
 * / step. Comparing two items at any time `now`, the `now/step` terms cancel, so the order is that of
 * the time-invariant key base·step − enqueuedAt: an item's place never changes while it waits.
 * The stepped form base + floor(wait / step) does NOT have this property (step 10: A base 0 in at
 * 0, B base 1 in at 5; at 10 both are 1 so A, the older, leads, but at 12 B leads on the key) — so
 * the continuous form decides the order and the stepped form is only for display.
 */
export function itemBefore(agingStepMs: number | undefined): (a: WorkItem, b: WorkItem) => boolean {
  if (agingStepMs && agingStepMs > 0) {
    return (a, b) => {
      const ka = a.priority * agingStepMs - a.enqueuedAt;
      const kb = b.priority * agingStepMs - b.enqueuedAt;
      if (ka !== kb) return ka > kb;
      return a.enqueuedAt !== b.enqueuedAt ? a.enqueuedAt < b.enqueuedAt : a.seq < b.seq;
    };
  }
  return (a, b) => {
    if (a.priority !== b.priority) return a.priority > b.priority;
    return a.enqueuedAt !== b.enqueuedAt ? a.enqueuedAt < b.enqueuedAt : a.seq < b.seq;
  };
}

/** The priority an item has now, aging included (continuous; see itemBefore). */
export function effectivePriority(item: WorkItem, now: number, agingStepMs: number | undefined): number {
  if (!agingStepMs || agingStepMs <= 0) return item.priority;
  return item.priority + (now - item.enqueuedAt) / agingStepMs;
}
