import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tag, Typography } from 'antd';
import type { DictionaryItem } from '@rexian/contracts';
import { api } from '../api/client';
import dayjs from 'dayjs';
import type { CtiCommandInput } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import type { AgentConsoleState, ConsoleActions } from './agent-console-state';
import { NOT_READY_REASONS, PRESENCE_COLOURS, isKnownReason } from './agent-labels';
import { formatDuration } from './format-duration';
import { useNow } from './use-now';

/** 置忙 reasons as the administrator keeps them in the data dictionary (示忙原因), enabled ones only. */
function useNotReadyReasons(): { value: string; label: string }[] | undefined {
  const items = useQuery({
    queryKey: ['dictionary', 'not_ready_reason'],
    queryFn: () => api.get<DictionaryItem[]>('/api/dictionary/types/not_ready_reason/items'),
    staleTime: 60_000,
  });
  const enabled = items.data?.filter((i) => i.enabled);
  // The label is sent: it is what the team leader and the records show.
  return enabled && enabled.length > 0 ? enabled.map((i) => ({ value: i.label, label: i.label })) : undefined;
}

/**
 * The agent's state with time in state — and, in wrap-up 话后处理, the seconds left of the queue's
 * wrap-up time — with 置闲 / 置忙 (a reason from the dictionary) / 结束话后处理 / 签出.
 */
export function AgentStateBar({ state, actions, send, wrapUpSec }: {
  state: AgentConsoleState;
  actions: ConsoleActions;
  send: (command: CtiCommandInput) => void;
  /** The wrap-up time of the last call's queue, when known. */
  wrapUpSec?: number | null;
}) {
  const t = useT();
  const dictionary = useNotReadyReasons();
  const reasons = dictionary ?? NOT_READY_REASONS.map((r) => ({ value: r, label: t(`agent.reason.${r}`) }));
  const [chosen, setReason] = useState<string | null>(null);
  const reason = chosen !== null && reasons.some((r) => r.value === chosen) ? chosen : reasons[0]!.value;
  const now = useNow(state.since !== null);
  const wrapUpLeft = state.presence === 'wrap-up' && state.since && wrapUpSec ? Math.max(0, Math.ceil(wrapUpSec - (now - dayjs(state.since).valueOf()) / 1000)) : null;
  const reasonLabel = (code: string) => (isKnownReason(code) ? t(`agent.reason.${code}`) : code);
  return (
    <Space wrap size="middle">
      <Tag color={PRESENCE_COLOURS[state.presence]} data-testid="agent-state" style={{ fontSize: 14, padding: '4px 10px' }}>
        {t(`agent.state.${state.presence}`)}
        {state.presence === 'not-ready' && state.reason ? `（${reasonLabel(state.reason)}）` : ''}
      </Tag>
      {state.since && <Typography.Text type="secondary" data-testid="agent-state-time">{formatDuration(Math.max(0, now - dayjs(state.since).valueOf()))}</Typography.Text>}
      {wrapUpLeft !== null && <Typography.Text type="warning" data-testid="wrap-up-left">{t('agent.wrapUpLeft', { seconds: wrapUpLeft })}</Typography.Text>}
      {state.extension && <Typography.Text>{t('agent.signedInAt', { extension: state.extension })}</Typography.Text>}
      <Button type="primary" disabled={!actions.ready} onClick={() => send({ command: 'agent.ready' })}>{t('agent.ready')}</Button>
      <Space.Compact>
        <Select
          value={reason}
          onChange={setReason}
          style={{ width: 90 }}
          aria-label={t('agent.reason')}
          options={reasons}
        />
        <Button disabled={!actions.notReady} onClick={() => send({ command: 'agent.not-ready', reason })}>{t('agent.notReady')}</Button>
      </Space.Compact>
      <Button disabled={!actions.wrapUpDone} onClick={() => send({ command: 'agent.wrap-up-done' })}>{t('agent.wrapUpDone')}</Button>
      <Button danger disabled={!actions.logout} onClick={() => send({ command: 'agent.logout' })}>{t('agent.signOut')}</Button>
    </Space>
  );
}
