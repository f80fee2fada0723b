import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/MeContext';
import { useT } from '../i18n/use-t';
import { entryForPath, visibleEntries } from './menu-entries';

/** The side menu: only the pages the user's rights allow, each item marked `data-menu="<key>"`. */
export function SideMenu() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = visibleEntries(me.rights);
  const items: MenuProps['items'] = entries.map((entry) => ({
    key: entry.key,
    label: t(entry.label),
    'data-menu': entry.key,
  }));
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
