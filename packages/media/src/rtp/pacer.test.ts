import { describe, expect, it } from 'vitest';
import { Pacer, type PacerClock } from './pacer.js';

/** A clock tests step by hand: timers fire when `advance` passes their due time. */
function manualClock(): PacerClock & { advance(ms: number, lateness?: number): void } {
  let now = 0;
  let timers: { due: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { due: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      timers = timers.filter((t) => t !== h);
    },
    advance(ms, lateness = 0) {
      const end = now + ms;
      for (;;) {
        const next = timers.sort((a, b) => a.due - b.due)[0];
        if (!next || next.due > end) break;
        timers = timers.filter((t) => t !== next);
        now = Math.max(now, next.due + lateness);
        next.fn();
      }
      now = end;
    },
  };
}

describe('pacer', () => {
  it('ticks every 20 ms on deadlines from the start, so late timers do not add up to drift', () => {
    const clock = manualClock();
    const pacer = new Pacer(20, clock);
    const at: number[] = [];
    pacer.add({ tick: () => at.push(clock.now()) });
    clock.advance(1000, 3); // every timer fires 3 ms late
    expect(at.length).toBe(50);
    // the 50th tick is due at 1000 ms: lateness stays ≈ 3 ms, never 50 × 3 ms
    expect((at[49] as number) - 1000).toBeLessThan(5);
    pacer.stop();
  });

  it('replays missed ticks after a stall, and stops when the last member leaves', () => {
    const clock = manualClock();
    const pacer = new Pacer(20, clock);
    let ticks = 0;
    const member = { tick: () => ticks++ };
    pacer.add(member);
    clock.advance(19);
    clock.advance(81); // the timer fires at 19 ms…
    expect(ticks).toBeGreaterThanOrEqual(4);
    pacer.remove(member);
    const before = ticks;
    clock.advance(200);
    expect(ticks).toBe(before);
  });

  it('a member that throws does not stop the others', () => {
    const clock = manualClock();
    const errors: unknown[] = [];
    const pacer = new Pacer(20, clock, (e) => errors.push(e));
    let ok = 0;
    pacer.add({ tick: () => { throw new Error('broken'); } });
    pacer.add({ tick: () => ok++ });
    clock.advance(100);
    expect(ok).toBe(5);
    expect(errors.length).toBe(5);
    pacer.stop();
  });
});
