import { useState } from 'react';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@rexian/contracts';
import { useAuditLog } from '../audit/audit-api';
import { AuditFilterForm, type AuditFilter } from '../audit/AuditFilterForm';
import { AuditSummary, summaryPreview } from '../audit/AuditSummary';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';

const OUTCOME_COLOURS: Record<AuditEntry['outcome'], string> = { success: 'green', failed: 'orange', denied: 'red' };

/** 审计日志: who did what to which object, from where, and whether it worked. */
export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const log = useAuditLog({ ...filter, ...page });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: formatTime },
    { title: t('audit.account'), dataIndex: 'account', render: (v: string | null) => v ?? '—' },
    { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      // The label people read, with the stable code beside it for searching and for integrations.
      render: (v: string) => (
        <div>
          {v in AUDIT_ACTIONS && <div style={{ whiteSpace: 'nowrap' }}>{t.pick(AUDIT_ACTIONS[v as AuditAction])}</div>}
          <Typography.Text code type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` #${e.objectId}` : ''}` : '—'),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (o: AuditEntry['outcome']) => <Tag color={OUTCOME_COLOURS[o]}>{t(`audit.outcome.${o}`)}</Tag>,
    },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      ellipsis: true,
      render: (s: AuditEntry['summary']) => <Typography.Text type="secondary">{summaryPreview(s)}</Typography.Text>,
    },
  ];

  return (
    <Card title={t('menu.audit')}>
      <AuditFilterForm
        onSearch={(next) => {
          setFilter(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      <div data-testid="audit-table">
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          expandable={{
            expandedRowRender: (e) => (e.summary ? <AuditSummary summary={e.summary} /> : null),
            rowExpandable: (e) => e.summary !== null,
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
        />
      </div>
    </Card>
  );
}
