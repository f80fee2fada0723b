import { useState } from 'react';
import { Button, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CtiCommandInput } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import type { AgentConsoleState, ConsoleActions } from './agent-console-state';
import { NOT_READY_REASONS, PRESENCE_COLOURS, isKnownReason } from './agent-labels';
import { formatDuration } from './format-duration';
import { useNow } from './use-now';

/** The agent's state with time in state, and 置闲 / 置忙 (with a reason) / 结束话后处理 / 签出. */
export function AgentStateBar({ state, actions, send }: {
  state: AgentConsoleState;
  actions: ConsoleActions;
  send: (command: CtiCommandInput) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState<string>('rest');
  const now = useNow(state.since !== null);
  const reasonLabel = (code: string) => (isKnownReason(code) ? t(`agent.reason.${code}`) : code);
  return (
    <Space wrap size="middle">
      <Tag color={PRESENCE_COLOURS[state.presence]} data-testid="agent-state" style={{ fontSize: 14, padding: '4px 10px' }}>
        {t(`agent.state.${state.presence}`)}
        {state.presence === 'not-ready' && state.reason ? `（${reasonLabel(state.reason)}）` : ''}
      </Tag>
      {state.since && <Typography.Text type="secondary" data-testid="agent-state-time">{formatDuration(Math.max(0, now - dayjs(state.since).valueOf()))}</Typography.Text>}
      {state.extension && <Typography.Text>{t('agent.signedInAt', { extension: state.extension })}</Typography.Text>}
      <Button type="primary" disabled={!actions.ready} onClick={() => send({ command: 'agent.ready' })}>{t('agent.ready')}</Button>
      <Space.Compact>
        <Select
          value={reason}
          onChange={setReason}
          style={{ width: 90 }}
          aria-label={t('agent.reason')}
          options={NOT_READY_REASONS.map((r) => ({ value: r, label: t(`agent.reason.${r}`) }))}
        />
        <Button disabled={!actions.notReady} onClick={() => send({ command: 'agent.not-ready', reason })}>{t('agent.notReady')}</Button>
      </Space.Compact>
      <Button disabled={!actions.wrapUpDone} onClick={() => send({ command: 'agent.wrap-up-done' })}>{t('agent.wrapUpDone')}</Button>
      <Button danger disabled={!actions.logout} onClick={() => send({ command: 'agent.logout' })}>{t('agent.signOut')}</Button>
    </Space>
  );
}
