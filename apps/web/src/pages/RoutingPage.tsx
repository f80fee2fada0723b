import { Card, Tabs } from 'antd';
import { useT } from '../i18n/use-t';
import { CallerListsTab } from '../switch/CallerListsTab';
import { RoutesTab } from '../switch/RoutesTab';

/** 号码路由: where each hotline number goes, and the caller lists (VIP, blacklist, priority). */
export function RoutingPage() {
  const t = useT();
  return (
    <Card title={t('menu.routing')}>
      <Tabs
        items={[
          { key: 'routes', label: t('routes.tab'), children: <RoutesTab /> },
          { key: 'lists', label: t('lists.tab'), children: <CallerListsTab /> },
        ]}
      />
    </Card>
  );
}
