import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JitterBuffer } from './jitter-buffer.js';

const payload = (n: number): Uint8Array => new Uint8Array(160).fill(n & 0xff);
const drain = (jb: JitterBuffer, ticks: number): (number | null | undefined)[] =>
  Array.from({ length: ticks }, () => {
    const p = jb.pop();
    return p ? (p[0] as number) : p;
  });

describe('jitter buffer', () => {
  it('waits for its depth, then plays in sequence order despite reordering', () => {
    const jb = new JitterBuffer({ depth: 3 });
    jb.push(11, payload(11));
    expect(jb.pop()).toBeUndefined();
    jb.push(10, payload(10));
    expect(jb.pop()).toBeUndefined();
    jb.push(13, payload(13));
    jb.push(12, payload(12));
    expect(drain(jb, 4)).toEqual([10, 11, 12, 13]);
  });

  it('drops late and duplicate packets, reports a missing one as null', () => {
    const jb = new JitterBuffer({ depth: 2 });
    jb.push(100, payload(100));
    jb.push(101, payload(101));
    expect(jb.push(101, payload(101))).toBe(false);
    jb.push(103, payload(103));
    expect(drain(jb, 2)).toEqual([100, 101]);
    expect(jb.push(100, payload(100))).toBe(false);
    expect(drain(jb, 2)).toEqual([null, 103]);
    expect(jb.stats).toMatchObject({ late: 1, duplicate: 1, missing: 1 });
  });

  it('handles the 16-bit sequence wrap', () => {
    const jb = new JitterBuffer({ depth: 2 });
    for (const s of [65534, 65535, 0, 1]) jb.push(s, payload(s));
    expect(drain(jb, 4)).toEqual([254, 255, 0, 1]);
  });

  it('adaptive depth grows by a frame when the buffer runs dry', () => {
    const jb = new JitterBuffer({ depth: 2, adaptive: true });
    jb.push(1, payload(1));
    jb.push(2, payload(2));
    expect(drain(jb, 3)).toEqual([1, 2, undefined]);
    expect(jb.depth).toBe(3);
    expect(jb.stats.underruns).toBe(1);
  });
});

describe('jitter buffer under arbitrary reordering and duplication', () => {
  it('plays every packet of a window exactly once, in sequence order, when it arrives within the depth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (first, shifts, dups) => {
          // packet k may arrive up to 2 places late (less than the 3-frame depth), some twice
          const order = Array.from({ length: 40 }, (_, k) => ({ k, at: k + (shifts[k] as number) })).sort((a, b) => a.at - b.at || a.k - b.k);
          const jb = new JitterBuffer({ depth: 3 });
          const played: number[] = [];
          for (const { k } of order) {
            jb.push((first + k) & 0xffff, payload(k));
            if (dups[k]) jb.push((first + k) & 0xffff, payload(k));
            if (k >= 2) {
              const p = jb.pop();
              if (p) played.push(p[0] as number);
            }
          }
          for (let i = 0; i < 10; i++) {
            const p = jb.pop();
            if (p) played.push(p[0] as number);
          }
          expect(played).toEqual(Array.from({ length: 40 }, (_, k) => k));
        },
      ),
    );
  });
});
