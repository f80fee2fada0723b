import { describe, expect, it } from 'vitest';
import { entryForPath, visibleEntries } from './menu-entries';

describe('menu entries', () => {
  it('shows a user without rights only the home page and announcements', () => {
    expect(visibleEntries([]).map((e) => e.key)).toEqual(['home', 'announcements']);
  });

  it('shows a page once its right is held', () => {
    expect(visibleEntries(['users.view', 'audit.view']).map((e) => e.key)).toEqual([
      'home', 'users', 'announcements', 'audit',
    ]);
  });

  it('finds the entry of a page path', () => {
    expect(entryForPath('/')?.key).toBe('home');
    expect(entryForPath('/users')?.key).toBe('users');
    expect(entryForPath('/nowhere')).toBeUndefined();
  });
});
