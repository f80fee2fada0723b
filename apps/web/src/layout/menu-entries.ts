import type { Right } from '@rexian/contracts';
import type { MessageKey } from '../i18n/zh-CN';

export type MenuKey =
  | 'home' | 'departments' | 'users' | 'groups' | 'roles' | 'tokens' | 'dictionary'
  | 'calendar' | 'shifts' | 'parameters' | 'phones' | 'trunks' | 'announcements' | 'audit'
  | 'agent' | 'calls' | 'callTasks' | 'queues' | 'routing' | 'ivrFlows' | 'customers' | 'supervisor' | 'wallboard';

/** Menu groups: pages that belong together appear under one heading. */
export type MenuGroup = 'callCenter';

export interface MenuEntry {
  key: MenuKey;
  path: string;
  label: MessageKey;
  /** The right the page needs; null when every signed-in user may open it. */
  right: Right | null;
  /** The heading the entry sits under; none for the top level. */
  group?: MenuGroup;
}

/** The pages, in menu order; the entries of a group stand together. */
export const MENU_ENTRIES: readonly MenuEntry[] = [
  { key: 'home', path: '/', label: 'menu.home', right: null },
  { key: 'agent', path: '/agent', label: 'menu.agent', right: 'cti.agent', group: 'callCenter' },
  { key: 'supervisor', path: '/supervisor', label: 'menu.supervisor', right: 'cti.supervise', group: 'callCenter' },
  { key: 'wallboard', path: '/wallboard', label: 'menu.wallboard', right: 'calls.view', group: 'callCenter' },
  { key: 'customers', path: '/customers', label: 'menu.customers', right: 'customers.view', group: 'callCenter' },
  { key: 'calls', path: '/calls', label: 'menu.calls', right: 'calls.view', group: 'callCenter' },
  { key: 'callTasks', path: '/call-tasks', label: 'menu.callTasks', right: 'voicemail.handle', group: 'callCenter' },
  { key: 'queues', path: '/queues', label: 'menu.queues', right: 'queues.manage', group: 'callCenter' },
  { key: 'routing', path: '/routing', label: 'menu.routing', right: 'queues.manage', group: 'callCenter' },
  { key: 'ivrFlows', path: '/ivr-flows', label: 'menu.ivrFlows', right: 'ivr.manage', group: 'callCenter' },
  { key: 'departments', path: '/departments', label: 'menu.departments', right: 'departments.view' },
  { key: 'users', path: '/users', label: 'menu.users', right: 'users.view' },
  { key: 'groups', path: '/groups', label: 'menu.groups', right: 'groups.manage' },
  { key: 'roles', path: '/roles', label: 'menu.roles', right: 'roles.manage' },
  { key: 'tokens', path: '/tokens', label: 'menu.tokens', right: 'tokens.manage' },
  { key: 'dictionary', path: '/dictionary', label: 'menu.dictionary', right: 'dictionary.manage' },
  { key: 'calendar', path: '/calendar', label: 'menu.calendar', right: 'calendar.manage' },
  { key: 'shifts', path: '/shifts', label: 'menu.shifts', right: 'shifts.manage' },
  { key: 'parameters', path: '/parameters', label: 'menu.parameters', right: 'params.manage' },
  { key: 'phones', path: '/phones', label: 'menu.phones', right: 'telephony.manage' },
  { key: 'trunks', path: '/trunks', label: 'menu.trunks', right: 'telephony.manage' },
  { key: 'announcements', path: '/announcements', label: 'menu.announcements', right: null },
  { key: 'audit', path: '/audit', label: 'menu.audit', right: 'audit.view' },
];

/** The entries a user holding `rights` may see. */
export function visibleEntries(rights: readonly Right[]): MenuEntry[] {
  return MENU_ENTRIES.filter((entry) => entry.right === null || rights.includes(entry.right));
}

/** The entry whose page shows `pathname`, for highlighting the menu. */
export function entryForPath(pathname: string): MenuEntry | undefined {
  return MENU_ENTRIES.find((e) => (e.path === '/' ? pathname === '/' : pathname.startsWith(e.path)));
}

/** The visible entries with each group's run of entries gathered under its heading, in menu order. */
export function groupedEntries(entries: readonly MenuEntry[]): (MenuEntry | { group: MenuGroup; entries: MenuEntry[] })[] {
  const result: (MenuEntry | { group: MenuGroup; entries: MenuEntry[] })[] = [];
  for (const entry of entries) {
    const last = result[result.length - 1];
    if (!entry.group) result.push(entry);
    else if (last && 'entries' in last && last.group === entry.group) last.entries.push(entry);
    else result.push({ group: entry.group, entries: [entry] });
  }
  return result;
}
