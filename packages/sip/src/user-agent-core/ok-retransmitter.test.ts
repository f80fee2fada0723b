import { describe, expect, it } from 'vitest';
import { FakeClock } from '../transactions/fake-clock';
import { DEFAULT_TIMERS } from '../transactions/timers';
import { OkRetransmitter } from './ok-retransmitter';

describe('2xx retransmission by the UAS core (§13.3.1.4)', () => {
  it('retransmits the 2xx at T1, 2·T1, 4·T1 … capped at T2 and stops when the ACK arrives', () => {
    const clock = new FakeClock();
    const retransmitter = new OkRetransmitter(clock, DEFAULT_TIMERS);
    const sent: number[] = [];
    retransmitter.start('k', () => sent.push(clock.now()), () => {});
    clock.advance(20_000);
    expect(sent).toEqual([500, 1500, 3500, 7500, 11500, 15500, 19500]);
    expect(retransmitter.stop('k')).toBe(true);
    clock.advance(10_000);
    expect(sent).toHaveLength(7);
    expect(retransmitter.count).toBe(0);
  });

  it('gives up after 64·T1 without an ACK so that the session can be ended with BYE', () => {
    const clock = new FakeClock();
    const retransmitter = new OkRetransmitter(clock, DEFAULT_TIMERS);
    let gaveUpAt = -1;
    retransmitter.start('k', () => {}, () => (gaveUpAt = clock.now()));
    clock.advance(40_000);
    expect(gaveUpAt).toBeGreaterThanOrEqual(32_000);
    expect(gaveUpAt).toBeLessThan(36_000);
    expect(retransmitter.count).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });
});
