import { describe, expect, it } from 'vitest';
import type { WallboardFigures } from '@rexian/contracts';
import { breaches } from './breaches';

const figures = { serviceLevel: 0.7, abandonRate: 0.05 } as WallboardFigures;
const thresholds = { maxWaiting: 3, maxLongestWaitSec: 60, minServiceLevel: 0.8, maxAbandonRate: 0.1 };

describe('wallboard thresholds', () => {
  it('flags each figure beyond its threshold, and nothing without thresholds', () => {
    expect([...breaches(figures, { waiting: 4, longestWaitMs: 30_000 }, thresholds)].sort()).toEqual(['serviceLevel', 'waiting']);
    expect([...breaches(figures, { waiting: 0, longestWaitMs: 61_000 }, thresholds)].sort()).toEqual(['longestWait', 'serviceLevel']);
    expect(breaches(figures, { waiting: 9, longestWaitMs: 999_000 }, { maxWaiting: null, maxLongestWaitSec: null, minServiceLevel: null, maxAbandonRate: null }).size).toBe(0);
    expect(breaches(undefined, { waiting: 9, longestWaitMs: 0 }, undefined).size).toBe(0);
  });
});
