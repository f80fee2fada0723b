import { useState } from 'react';
import { Button, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { CallbackRequest } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { useCallbacks, useHandleCallback, type CallbackStatus } from './call-tasks-api';
import { formatDuration } from './format-duration';
import { TaskNoteModal } from './TaskNoteModal';

type Closing = { request: CallbackRequest; status: Exclude<CallbackStatus, 'open'> } | null;

const STATUS_COLOURS: Record<CallbackStatus, string> = { open: 'orange', done: 'green', unreachable: 'red' };

/** 回叫: callers to ring back, the longest waiting first; each closed as 已回拨 or 无法接通 with a note. */
export function CallbacksTab() {
  const t = useT();
  const [status, setStatus] = useState<CallbackStatus>('open');
  const callbacks = useCallbacks(status);
  const handle = useHandleCallback();
  const [closing, setClosing] = useState<Closing>(null);
  const [lastClosing, setLastClosing] = useState<Closing>(null);

  const close = (next: Closing) => {
    setClosing(next);
    if (next) setLastClosing(next);
  };
  // Open requests: the caller who has waited longest comes first; handled ones as the server lists them.
  const items = status === 'open'
    ? [...(callbacks.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    : callbacks.data?.items;

  const columns: TableColumnsType<CallbackRequest> = [
    { title: t('tasks.time'), dataIndex: 'createdAt', width: 170, render: formatTime },
    { title: t('calls.caller'), dataIndex: 'callerNumber' },
    { title: t('calls.queue'), dataIndex: 'queueName', render: (v: string | null) => v ?? '—' },
    { title: t('tasks.reason'), dataIndex: 'reason', render: (r: CallbackRequest['reason']) => t(`callbacks.reason.${r}`) },
    { title: t('callbacks.queueWait'), dataIndex: 'waitedMs', render: formatDuration },
    status === 'open'
      ? {
          title: t('callbacks.waiting'),
          key: 'waiting',
          render: (_, c) => formatDuration(dayjs().diff(dayjs(c.createdAt))),
        }
      : {
          title: t('tasks.handled'),
          key: 'handled',
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <span>
                <Tag color={STATUS_COLOURS[c.status]}>{t(`callbacks.status.${c.status}`)}</Tag>
                {`${c.handledBy?.name ?? '—'} · ${formatTime(c.handledAt)}`}
              </span>
              {c.note && <span style={{ color: '#888' }}>{c.note}</span>}
            </Space>
          ),
        },
    ...(status === 'open'
      ? [{
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, c: CallbackRequest) => (
            <Space size={0}>
              <Button type="link" onClick={() => close({ request: c, status: 'done' })}>{t('callbacks.markDone')}</Button>
              <Button type="link" danger onClick={() => close({ request: c, status: 'unreachable' })}>{t('callbacks.markUnreachable')}</Button>
            </Space>
          ),
        }]
      : []),
  ];

  // The dialog keeps its title while it fades out, so it reads from the last choice.
  const shown = closing ?? lastClosing;
  return (
    <>
      <Segmented<CallbackStatus>
        value={status}
        onChange={setStatus}
        options={(['open', 'done', 'unreachable'] as const).map((s) => ({ value: s, label: t(`callbacks.status.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Table<CallbackRequest> rowKey="id" size="small" columns={columns} dataSource={items} loading={callbacks.isFetching} pagination={false} />
      <TaskNoteModal
        open={closing !== null}
        title={shown ? t(shown.status === 'done' ? 'callbacks.markDoneOf' : 'callbacks.markUnreachableOf', { number: shown.request.callerNumber }) : ''}
        onClose={() => close(null)}
        onSave={(note) => handle.mutateAsync({ id: shown!.request.id, status: shown!.status, note })}
      />
    </>
  );
}
