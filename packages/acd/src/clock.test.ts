import { describe, expect, it } from 'vitest';
import { FakeClock } from './clock';

describe('FakeClock', () => {
  it('fires due timers in due-time order (ties in creation order), each at its own time', () => {
    const clock = new FakeClock(100);
    const fired: Array<[string, number]> = [];
    clock.setTimer(30, () => fired.push(['c', clock.now()]));
    clock.setTimer(10, () => fired.push(['a', clock.now()]));
    clock.setTimer(10, () => fired.push(['b', clock.now()]));
    const cancelled = clock.setTimer(20, () => fired.push(['x', clock.now()]));
    clock.clearTimer(cancelled);
    clock.advance(25);
    expect(fired).toEqual([
      ['a', 110],
      ['b', 110],
    ]);
    expect(clock.now()).toBe(125);
    clock.advance(5);
    expect(fired.at(-1)).toEqual(['c', 130]);
    expect(clock.pending).toBe(0);
  });

  it('a timer set by a firing timer fires in the same advance when due', () => {
    const clock = new FakeClock();
    const fired: number[] = [];
    clock.setTimer(5, () => clock.setTimer(5, () => fired.push(clock.now())));
    clock.advance(10);
    expect(fired).toEqual([10]);
  });
});
