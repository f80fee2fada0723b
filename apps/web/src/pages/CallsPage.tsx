import { useState } from 'react';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import type { CallRecord } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { CallDetailDrawer } from '../switch/CallDetailDrawer';
import { CallFilterForm, type CallFilter } from '../switch/CallFilterForm';
import { OUTCOME_COLOURS } from '../switch/call-labels';
import { useCalls } from '../switch/calls-api';
import { formatDuration } from '../switch/format-duration';
import { formatTime } from '../time/format-time';

/** 通话记录: every call with how it ended, searchable; a row opens its legs, IVR path and recording. */
export function CallsPage() {
  const t = useT();
  const [filter, setFilter] = useState<CallFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const calls = useCalls({ ...filter, ...page });

  const columns: TableColumnsType<CallRecord> = [
    { title: t('calls.time'), dataIndex: 'startedAt', width: 170, render: formatTime },
    { title: t('calls.caller'), dataIndex: 'callerNumber' },
    { title: t('calls.called'), dataIndex: 'calledNumber' },
    {
      title: t('calls.outcome'),
      dataIndex: 'outcome',
      render: (o: CallRecord['outcome']) => <Tag color={OUTCOME_COLOURS[o]}>{t(`calls.outcome.${o}`)}</Tag>,
    },
    { title: t('calls.queue'), dataIndex: 'queueName', render: (v: string | null) => v ?? '—' },
    { title: t('calls.agent'), dataIndex: 'agent', render: (a: CallRecord['agent']) => (a ? `${a.name}（${a.extension}）` : '—') },
    { title: t('calls.wait'), dataIndex: 'waitMs', render: formatDuration },
    { title: t('calls.talk'), dataIndex: 'talkMs', render: formatDuration },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, call) => <Button type="link" onClick={() => setOpenId(call.id)}>{t('calls.detail')}</Button>,
    },
  ];

  return (
    <Card title={t('menu.calls')}>
      <CallFilterForm
        onSearch={(next) => {
          setFilter(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      <Table<CallRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={calls.data?.items}
        loading={calls.isFetching}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: calls.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
      <CallDetailDrawer callId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
