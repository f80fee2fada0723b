import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './failure-limiter';

function setup() {
  const clock = { t: 0, now: () => clock.t };
  const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 60_000, blockMs: 300_000, clock, maxTracked: 4 });
  return { clock, limiter };
}

describe('FailureLimiter', () => {
  it('blocks an address at the Nth failure in a burst, for the block time, and not its neighbours', () => {
    const { clock, limiter } = setup();
    expect(limiter.recordFailure('192.0.2.1')).toBe(false);
    expect(limiter.recordFailure('192.0.2.1')).toBe(false);
    expect(limiter.recordFailure('192.0.2.1')).toBe(true);
    expect(limiter.isBlocked('192.0.2.1')).toBe(true);
    expect(limiter.isBlocked('192.0.2.2')).toBe(false);
    clock.t += 299_999;
    expect(limiter.isBlocked('192.0.2.1')).toBe(true);
    clock.t += 2;
    expect(limiter.isBlocked('192.0.2.1')).toBe(false);
  });

  it('forgives failures spread out slower than the refill rate', () => {
    const { clock, limiter } = setup();
    for (let i = 0; i < 20; i++) {
      expect(limiter.recordFailure('192.0.2.1')).toBe(false);
      clock.t += 20_000;
    }
  });

  it('bounds its memory and keeps blocked addresses over quiet ones', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) limiter.recordFailure('198.51.100.66');
    for (let i = 0; i < 10; i++) limiter.recordFailure(`192.0.2.${i}`);
    expect(limiter.tracked).toBe(4);
    expect(limiter.isBlocked('198.51.100.66')).toBe(true);
  });
});
