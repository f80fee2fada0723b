import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/MeContext';
import { useT } from '../i18n/use-t';
import { entryForPath, groupedEntries, visibleEntries, type MenuEntry } from './menu-entries';

/** The side menu: only the pages the user's rights allow, each item marked `data-menu="<key>"`, grouped under headings. */
export function SideMenu() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = visibleEntries(me.rights);
  const item = (entry: MenuEntry) => ({ key: entry.key, label: t(entry.label), 'data-menu': entry.key });
  const items: MenuProps['items'] = groupedEntries(entries).map((e) =>
    'entries' in e ? { type: 'group' as const, key: e.group, label: t(`menu.group.${e.group}`), children: e.entries.map(item) } : item(e),
  );
  const selected = entryForPath(pathname);
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected.key] : []}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry) void navigate(entry.path);
      }}
    />
  );
}
