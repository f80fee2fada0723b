import { useMemo } from 'react';
import { Alert, App, Button, Card, List, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { CtiCommandInput } from '@rexian/contracts';
import { useMe } from '../auth/MeContext';
import { useT } from '../i18n/use-t';
import { type AgentRow, type QueueRow } from '../supervisor/supervisor-state';
import { useSupervisor } from '../supervisor/use-supervisor';
import { PRESENCE_COLOURS, isKnownReason } from '../switch/agent-labels';
import { ConnectionBanner } from '../switch/ConnectionBanner';
import { formatDuration } from '../switch/format-duration';
import { useQueues } from '../switch/queues-api';
import { useNow } from '../switch/use-now';
import { useUsers } from '../users/users-api';
import { formatTime } from '../time/format-time';

/**
 * 班长监控 (SUP-1, SUP-2): every signed-in agent and every queue, live; 监听 / 密语 / 强插 on a call
 * through the leader's own phone (signed in on the 话务台); forced states; help requests that pop.
 */
export function SupervisorPage() {
  const t = useT();
  const me = useMe();
  const { message, notification } = App.useApp();
  const now = useNow(true);
  const users = useUsers({ page: 1, pageSize: 200 });
  const queues = useQueues();
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data]);
  const queueNames = useMemo(() => new Map((queues.data ?? []).map((q) => [q.id, q.name])), [queues.data]);
  const nameOf = (agentId: number) => names.get(agentId) ?? `#${agentId}`;
  const { state, connected, everConnected, command, dismiss } = useSupervisor(me.id, (help) => {
    notification.warning({ key: help.key, message: t('supervisor.helpFrom', { name: nameOf(help.agentId) }), description: help.message || t('supervisor.helpNoMessage'), duration: 0 });
  });
  const signedIn = state.agents.has(me.id);

  async function send(input: CtiCommandInput) {
    try {
      const result = await command(input);
      if (!result.ok) void message.error(result.message ?? t('agent.commandFailed'));
      else if (result.message) void message.info(result.message);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('agent.commandFailed'));
    }
  }

  const since = (iso: string) => formatDuration(Math.max(0, now - dayjs(iso).valueOf()));
  const agentColumns: TableColumnsType<AgentRow> = [
    { title: t('supervisor.agent'), key: 'name', render: (_, a) => `${nameOf(a.agentId)}${a.extension ? `（${a.extension}）` : ''}` },
    {
      title: t('supervisor.state'), key: 'state', render: (_, a) => (
        <Tag color={PRESENCE_COLOURS[a.state]} data-testid={`agent-state-${a.agentId}`}>
          {t(`agent.state.${a.state}`)}{a.state === 'not-ready' && a.reason ? `（${isKnownReason(a.reason) ? t(`agent.reason.${a.reason}`) : a.reason}）` : ''}
        </Tag>
      ),
    },
    { title: t('supervisor.inState'), key: 'since', render: (_, a) => since(a.since) },
    {
      title: t('supervisor.call'), key: 'call', render: (_, a) => {
        const call = a.callId ? state.calls.get(a.callId) : undefined;
        return call ? `${call.callerNumber} · ${call.queueName ?? ''}` : '—';
      },
    },
    {
      title: t('common.actions'), key: 'actions', render: (_, a) => {
        const callId = a.callId;
        const mode = callId ? state.supervising.get(callId) : undefined;
        return (
          <Space size={4} wrap>
            {callId && a.state === 'talking' && (['listen', 'whisper', 'barge'] as const).map((m) => (
              <Button key={m} size="small" type={mode === m ? 'primary' : 'default'} disabled={!connected || !signedIn}
                onClick={() => void send({ command: 'call.supervise', callId, mode: m })}>{t(`supervisor.${m}`)}</Button>
            ))}
            {callId && mode && <Button size="small" onClick={() => void send({ command: 'call.supervise-end', callId })}>{t('supervisor.end')}</Button>}
            <Button size="small" disabled={!connected || a.state === 'ready'} onClick={() => void send({ command: 'agent.force-state', agentId: a.agentId, state: 'ready' })}>{t('supervisor.forceReady')}</Button>
            <Button size="small" disabled={!connected || a.state === 'not-ready'} onClick={() => void send({ command: 'agent.force-state', agentId: a.agentId, state: 'not-ready' })}>{t('supervisor.forceNotReady')}</Button>
            <Popconfirm title={t('supervisor.forceLogoutConfirm', { name: nameOf(a.agentId) })} onConfirm={() => void send({ command: 'agent.force-state', agentId: a.agentId, state: 'logged-out' })}>
              <Button size="small" danger disabled={!connected}>{t('supervisor.forceLogout')}</Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];
  const queueColumns: TableColumnsType<QueueRow> = [
    { title: t('calls.queue'), key: 'name', render: (_, q) => queueNames.get(q.queueId) ?? `#${q.queueId}` },
    { title: t('supervisor.waiting'), dataIndex: 'waiting', render: (w: number) => <Typography.Text strong type={w > 0 ? 'danger' : undefined}>{w}</Typography.Text> },
    { title: t('supervisor.longestWait'), key: 'longest', render: (_, q) => (q.waiting > 0 ? formatDuration(q.longestWaitMs + (now - q.at)) : '—') },
    { title: t('supervisor.ready'), dataIndex: 'agentsReady' },
    { title: t('supervisor.busy'), dataIndex: 'agentsBusy' },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ConnectionBanner connected={connected} everConnected={everConnected} />
      {!signedIn && <Alert type="info" showIcon message={t('supervisor.signInHint')} />}
      <Card title={t('supervisor.queues')}>
        <Table<QueueRow> rowKey="queueId" size="small" columns={queueColumns} dataSource={[...state.queues.values()]} pagination={false} />
      </Card>
      <Card title={t('supervisor.agents')}>
        <Table<AgentRow> rowKey="agentId" size="small" columns={agentColumns} dataSource={[...state.agents.values()].filter((a) => a.agentId !== me.id)} pagination={false} data-testid="agents-grid" />
      </Card>
      <Card title={t('supervisor.help')}>
        <List
          dataSource={state.help}
          locale={{ emptyText: t('supervisor.noHelp') }}
          renderItem={(h) => (
            <List.Item actions={[<Button key="dismiss" type="link" onClick={() => { dismiss(h.key); notification.destroy(h.key); }}>{t('supervisor.dismiss')}</Button>]}>
              {formatTime(h.at)} · {nameOf(h.agentId)}{h.extension ? `（${h.extension}）` : ''} · {h.message || t('supervisor.helpNoMessage')}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
