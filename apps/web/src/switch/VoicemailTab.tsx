import { useState } from 'react';
import { Button, Segmented, Space, Table, type TableColumnsType } from 'antd';
import type { Voicemail } from '@rexian/contracts';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { useHandleVoicemail, useVoicemails, voicemailAudioUrl, type VoicemailStatus } from './call-tasks-api';
import { formatDuration } from './format-duration';
import { TaskNoteModal } from './TaskNoteModal';

/** 留言: voicemail to listen to and mark done; the new ones first, the handled ones a click away. */
export function VoicemailTab() {
  const t = useT();
  const [status, setStatus] = useState<VoicemailStatus>('new');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const voicemails = useVoicemails(status, page.page, page.pageSize);
  const handle = useHandleVoicemail();
  const closing = useEditor<Voicemail>();

  const columns: TableColumnsType<Voicemail> = [
    { title: t('tasks.time'), dataIndex: 'createdAt', width: 170, render: formatTime },
    { title: t('calls.caller'), dataIndex: 'callerNumber' },
    { title: t('calls.queue'), dataIndex: 'queueName', render: (v: string | null) => v ?? '—' },
    { title: t('tasks.reason'), dataIndex: 'reason', render: (r: Voicemail['reason']) => t(`voicemail.reason.${r}`) },
    { title: t('tasks.duration'), dataIndex: 'durationMs', render: formatDuration },
    {
      title: t('voicemail.listen'),
      key: 'audio',
      render: (_, v) => <audio controls preload="none" src={voicemailAudioUrl(v.id)} style={{ height: 32, width: 240 }} />,
    },
    status === 'new'
      ? {
          title: t('common.actions'),
          key: 'actions',
          render: (_, v) => <Button type="link" onClick={() => closing.show(v)}>{t('voicemail.markDone')}</Button>,
        }
      : {
          title: t('tasks.handled'),
          key: 'handled',
          render: (_, v) => (
            <Space direction="vertical" size={0}>
              <span>{`${v.handledBy?.name ?? '—'} · ${formatTime(v.handledAt)}`}</span>
              {v.note && <span style={{ color: '#888' }}>{v.note}</span>}
            </Space>
          ),
        },
  ];

  return (
    <>
      <Segmented<VoicemailStatus>
        value={status}
        onChange={(next) => {
          setStatus(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: 'new', label: t('voicemail.status.new') }, { value: 'done', label: t('voicemail.status.done') }]}
        style={{ marginBottom: 16 }}
      />
      <Table<Voicemail>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={voicemails.data?.items}
        loading={voicemails.isFetching}
        rowClassName={(v) => (v.status === 'new' ? 'voicemail-new' : '')}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: voicemails.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
      <TaskNoteModal
        open={closing.open}
        title={t('voicemail.markDoneOf', { number: closing.value?.callerNumber ?? '' })}
        onClose={closing.hide}
        onSave={(note) => handle.mutateAsync({ id: closing.value!.id, status: 'done', note })}
      />
    </>
  );
}
