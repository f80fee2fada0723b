import type { Right } from '@rexian/contracts';
import type { MessageKey } from '../i18n/zh-CN';

export type MenuKey =
  | 'home' | 'departments' | 'users' | 'groups' | 'roles' | 'tokens' | 'dictionary'
  | 'calendar' | 'shifts' | 'parameters' | 'phones' | 'trunks' | 'announcements' | 'audit';

export interface MenuEntry {
  key: MenuKey;
  path: string;
  label: MessageKey;
  /** The right the page needs; null when every signed-in user may open it. */
  right: Right | null;
}

/** The administration pages, in menu order. */
export const MENU_ENTRIES: readonly MenuEntry[] = [
  { key: 'home', path: '/', label: 'menu.home', right: null },
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
