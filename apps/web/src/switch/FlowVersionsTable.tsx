import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { IvrFlowVersion } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { useRollbackFlow } from './ivr-flows-api';

const STATUS_COLOURS: Record<IvrFlowVersion['status'], string> = { draft: 'blue', published: 'green', archived: 'default' };

/** A flow's versions, newest first; an earlier one can be put back live (回滚到此版本). */
export function FlowVersionsTable({ flowId, versions }: { flowId: number; versions: IvrFlowVersion[] }) {
  const t = useT();
  const rollback = useRollbackFlow();
  const confirm = useConfirm();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const columns: TableColumnsType<IvrFlowVersion> = [
    { title: t('flows.version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    { title: t('flows.status'), dataIndex: 'status', render: (s: IvrFlowVersion['status']) => <Tag color={STATUS_COLOURS[s]}>{t(`flows.status.${s}`)}</Tag> },
    { title: t('flows.createdBy'), key: 'by', render: (_, v) => `${v.createdBy?.name ?? '—'} · ${formatTime(v.createdAt)}` },
    { title: t('flows.publishedAt'), dataIndex: 'publishedAt', render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, v) =>
        v.status === 'archived' && (
          <Button
            type="link"
            onClick={() => confirm(t('flows.rollbackConfirm', { version: v.version }), () => rollback.mutateAsync({ id: flowId, version: v.version }), { danger: false })}
          >
            {t('flows.rollback')}
          </Button>
        ),
    },
  ];
  return <Table<IvrFlowVersion> rowKey="version" size="small" columns={columns} dataSource={sorted} pagination={false} />;
}
