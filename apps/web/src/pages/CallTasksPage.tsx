import { Badge, Card, Tabs } from 'antd';
import { useT } from '../i18n/use-t';
import { CallbacksTab } from '../switch/CallbacksTab';
import { useNewVoicemailCount } from '../switch/call-tasks-api';
import { VoicemailTab } from '../switch/VoicemailTab';

/** 留言与回叫: the voicemail and the callback requests someone has to handle. */
export function CallTasksPage() {
  const t = useT();
  const newCount = useNewVoicemailCount();
  return (
    <Card title={t('menu.callTasks')}>
      <Tabs
        items={[
          {
            key: 'voicemail',
            label: (
              <Badge count={newCount.data ?? 0} size="small" offset={[10, 0]} data-testid="new-voicemail-count">
                {t('tasks.voicemail')}
              </Badge>
            ),
            children: <VoicemailTab />,
          },
          { key: 'callbacks', label: t('tasks.callbacks'), children: <CallbacksTab /> },
        ]}
      />
    </Card>
  );
}
