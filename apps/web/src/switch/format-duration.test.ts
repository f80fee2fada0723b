import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('durations', () => {
  it('shows minutes and seconds, rounding down to the whole second', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_999)).toBe('1:05');
    expect(formatDuration(59 * 60_000 + 59_000)).toBe('59:59');
  });

  it('adds hours past an hour', () => {
    expect(formatDuration(3_600_000 + 61_000)).toBe('1:01:01');
  });

  it('shows a dash for an unknown duration', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});
