import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from './indexed-heap';

describe('IndexedHeap', () => {
  it('pops in order after any mix of pushes and removals by key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean())), (ops) => {
        const heap = new IndexedHeap<{ id: string; v: number }>((a, b) => a.v < b.v || (a.v === b.v && a.id < b.id), (x) => x.id);
        const kept = new Map<string, number>();
        ops.forEach(([v, removeOne], i) => {
          heap.push({ id: `k${i}`, v });
          kept.set(`k${i}`, v);
          if (removeOne) {
            const key = `k${(v * 7) % (i + 1)}`;
            expect(heap.remove(key)?.id).toBe(kept.has(key) ? key : undefined);
            kept.delete(key);
          }
        });
        const expected = [...kept.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
        const got: string[] = [];
        for (let x = heap.pop(); x; x = heap.pop()) got.push(x.id);
        expect(got).toEqual(expected);
        expect(heap.size).toBe(0);
      }),
    );
  });
});
