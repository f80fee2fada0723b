import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '../queue/indexed-heap';
import type { WorkItem } from '../work-item';
import { effectivePriority, itemBefore } from './item-order';

const item = (seq: number, priority: number, enqueuedAt: number): WorkItem => ({
  id: `i${seq}`, queueId: 'q', channel: 'voice', priority, enqueuedAt, seq, phase: 'waiting', offerIds: [], skippedAgents: [], overdue: false, holdMs: 0,
});

describe('priority and aging order', () => {
  it('higher priority first, then longest waiting', () => {
    const before = itemBefore(undefined);
    expect(before(item(2, 5, 100), item(1, 0, 0))).toBe(true);
    expect(before(item(1, 0, 0), item(2, 0, 100))).toBe(true);
  });

  it('with aging, the heap order equals the order by effective priority at any later time (so it never needs re-sorting)', () => {
    const itemsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 1_000_000 }), (specs, step, later) => {
        const items = specs.map(([p, at], i) => item(i, p, at));
        const heap = new IndexedHeap(itemBefore(step), (x: WorkItem) => x.id);
        for (const x of items) heap.push(x);
        const popped: string[] = [];
        for (let x = heap.pop(); x; x = heap.pop()) popped.push(x.id);
        const now = Math.max(...items.map((x) => x.enqueuedAt)) + later;
        const byEffective = [...items]
          .sort((a, b) => effectivePriority(b, now, step) - effectivePriority(a, now, step) || a.enqueuedAt - b.enqueuedAt || a.seq - b.seq)
          .map((x) => x.id);
        // Equal effective priorities mean equal keys, so ties fall to the same longest-waiting rule.
        expect(popped).toEqual(byEffective);
      }),
      { numRuns: 200 },
    );
  });

  it('the stepped form floor(wait / step) would not be time-invariant (why we age continuously)', () => {
    const a = item(1, 0, 0);
    const b = item(2, 1, 5);
    const stepped = (x: WorkItem, now: number) => x.priority + Math.floor((now - x.enqueuedAt) / 10);
    const steppedBefore = (x: WorkItem, y: WorkItem, now: number) => stepped(x, now) > stepped(y, now) || (stepped(x, now) === stepped(y, now) && x.enqueuedAt < y.enqueuedAt);
    expect(steppedBefore(a, b, 10)).toBe(true);
    expect(steppedBefore(b, a, 15)).toBe(true);
    expect(itemBefore(10)(b, a)).toBe(true);
  });
});
