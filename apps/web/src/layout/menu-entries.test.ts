import { describe, expect, it } from 'vitest';
import { entryForPath, groupedEntries, visibleEntries } from './menu-entries';

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

  it('shows each call-center page only with its right, under the 呼叫中心 heading', () => {
    const agent = visibleEntries(['cti.agent', 'voicemail.handle']);
    expect(agent.map((e) => e.key)).toEqual(['home', 'agent', 'callTasks', 'announcements']);
    expect(groupedEntries(agent).map((g) => ('entries' in g ? `${g.group}:${g.entries.map((e) => e.key).join(',')}` : g.key))).toEqual([
      'home', 'callCenter:agent,callTasks', 'announcements',
    ]);
    const manager = visibleEntries(['queues.manage', 'ivr.manage', 'calls.view']).map((e) => e.key);
    expect(manager).toEqual(['home', 'wallboard', 'calls', 'queues', 'routing', 'ivrFlows', 'announcements']);
    const leader = visibleEntries(['cti.agent', 'cti.supervise', 'customers.view', 'calls.view']).map((e) => e.key);
    expect(leader).toEqual(['home', 'agent', 'supervisor', 'wallboard', 'customers', 'calls', 'announcements']);
    expect(entryForPath('/call-tasks')?.key).toBe('callTasks');
  });
});
