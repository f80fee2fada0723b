import { describe, expect, it } from 'vitest';
import { waitingAnnouncement } from './waiting-prompts';

describe('the waiting announcement', () => {
  it('tells the next caller they are next', () => {
    expect(waitingAnnouncement(1, undefined)).toBe('您是下一位。请稍候，坐席马上为您服务。');
  });
  it('counts the callers ahead and rounds the wait to whole minutes, at least one', () => {
    expect(waitingAnnouncement(4, 150_000)).toBe('您前面还有 3 位。预计等待约 3 分钟，请稍候。');
    expect(waitingAnnouncement(2, 5_000)).toBe('您前面还有 1 位。预计等待约 1 分钟，请稍候。');
  });
});
