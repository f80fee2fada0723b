import { describe, expect, it } from 'vitest';
import { RtpStreamStats } from './rtp-stream-stats.js';

describe('RTP reception statistics (RFC 3550 A.1, A.3, A.8)', () => {
  it('counts lost packets and the fraction lost per interval', () => {
    const stats = new RtpStreamStats(1, 100);
    for (let i = 0; i < 100; i++) if (i % 10 !== 3) stats.update(100 + i, i * 160, i * 160);
    const report = stats.report();
    expect(report.cumulativeLost).toBe(10);
    expect(report.fractionLost).toBe(Math.floor((10 * 256) / 100));
    expect(report.extendedHighestSequence).toBe(199);
    for (let i = 100; i < 150; i++) stats.update(100 + i, i * 160, i * 160);
    expect(stats.report().fractionLost).toBe(0);
  });

  it('extends the highest sequence number across the 16-bit wrap', () => {
    const stats = new RtpStreamStats(1, 65530);
    for (let i = 0; i < 12; i++) stats.update((65530 + i) & 0xffff, i * 160, i * 160);
    expect(stats.extendedHighestSequence).toBe(65536 + 5);
    expect(stats.lost).toBe(0);
  });

  it('jitter is zero at a steady pace and grows with arrival variation', () => {
    const steady = new RtpStreamStats(1, 0);
    for (let i = 0; i < 50; i++) steady.update(i, i * 160, 1000 + i * 160);
    expect(steady.jitter).toBe(0);
    const jittery = new RtpStreamStats(1, 0);
    for (let i = 0; i < 200; i++) jittery.update(i, i * 160, i * 160 + (i % 2 ? 80 : 0));
    // |D| = 80 samples each time: J converges to 80.
    expect(jittery.jitter).toBeGreaterThan(70);
    expect(jittery.jitter).toBeLessThanOrEqual(80);
  });

  it('ignores a single wild jump and resynchronises after two sequential packets', () => {
    const stats = new RtpStreamStats(1, 10);
    expect(stats.update(11, 160, 160)).toBe(true);
    expect(stats.update(30000, 0, 0)).toBe(false);
    expect(stats.update(30001, 0, 0)).toBe(true);
    expect(stats.extendedHighestSequence).toBe(30001);
  });
});
