import { useState } from 'react';
import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { IvrFlowSummary } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useT } from '../i18n/use-t';
import { FlowDrawer } from '../switch/FlowDrawer';
import { FlowFormModal } from '../switch/FlowFormModal';
import { useDeleteFlow, useFlows } from '../switch/ivr-flows-api';
import { formatTime } from '../time/format-time';

/** IVR 流程: the voice menus; each opens to its versions and the draft's editor. */
export function IvrFlowsPage() {
  const t = useT();
  const flows = useFlows();
  const remove = useDeleteFlow();
  const confirm = useConfirm();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  const columns: TableColumnsType<IvrFlowSummary> = [
    { title: t('flows.name'), dataIndex: 'name' },
    { title: t('common.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    {
      title: t('flows.status.published'),
      dataIndex: 'publishedVersion',
      render: (v: number | null) => (v === null ? <Tag>{t('flows.unpublished')}</Tag> : <Tag color="green">{`v${v}`}</Tag>),
    },
    { title: t('flows.status.draft'), dataIndex: 'draftVersion', render: (v: number | null) => (v === null ? '—' : <Tag color="blue">{`v${v}`}</Tag>) },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, f) => (
        <Space size={0}>
          <Button type="link" onClick={() => setOpenId(f.id)}>{t('flows.open')}</Button>
          <Button type="link" danger onClick={() => confirm(t('flows.deleteConfirm', { name: f.name }), () => remove.mutateAsync(f.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.ivrFlows')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('flows.create')}</Button>}>
      <Table<IvrFlowSummary> rowKey="id" columns={columns} dataSource={flows.data} loading={flows.isPending} pagination={false} />
      <FlowFormModal open={creating} onClose={() => setCreating(false)} onCreated={(flow) => setOpenId(flow.id)} />
      <FlowDrawer flowId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
