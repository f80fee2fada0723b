import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { QueueConfig } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { QueueFormModal } from '../switch/QueueFormModal';
import { useDeleteQueue, useQueues } from '../switch/queues-api';

/** 队列管理: the queues 技能组, how they hand calls to agents, and who is in each. */
export function QueuesPage() {
  const t = useT();
  const queues = useQueues();
  const remove = useDeleteQueue();
  const confirm = useConfirm();
  const editor = useEditor<QueueConfig>();

  const columns: TableColumnsType<QueueConfig> = [
    { title: t('queues.name'), dataIndex: 'name' },
    { title: t('queues.strategy'), dataIndex: 'strategy', render: (s: QueueConfig['strategy']) => t(`queues.strategy.${s}`) },
    {
      title: t('queues.members'),
      dataIndex: 'members',
      render: (members: QueueConfig['members']) =>
        members.length ? members.map((m) => <Tag key={m.userId}>{`${m.name}${m.extension ? ` ${m.extension}` : ''}`}</Tag>) : '—',
    },
    { title: t('queues.maxWait'), dataIndex: 'maxWaitSec', render: (s: number) => (s ? t('queues.secondsValue', { seconds: s }) : t('queues.noLimit')) },
    {
      title: t('queues.overflow'),
      key: 'overflow',
      render: (_, q) => t(`queues.overflow.${q.overflow}`),
    },
    { title: t('queues.record'), dataIndex: 'record', render: (on: boolean) => (on ? <Tag color="green">{t('queues.on')}</Tag> : <Tag>{t('queues.off')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, q) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(q)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('queues.deleteConfirm', { name: q.name }), () => remove.mutateAsync(q.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.queues')} extra={<Button type="primary" onClick={() => editor.show(null)}>{t('queues.create')}</Button>}>
      <Table<QueueConfig> rowKey="id" columns={columns} dataSource={queues.data} loading={queues.isPending} pagination={false} />
      <QueueFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
    </Card>
  );
}
