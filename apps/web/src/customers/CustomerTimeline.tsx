import { Empty, Tag, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { formatDuration } from '../switch/format-duration';
import { formatTime } from '../time/format-time';
import { InteractionKindTag } from './InteractionKindTag';

/** A customer's calls and interaction records, newest first. */
export function CustomerTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.noHistory')} />;
  return (
    <Timeline
      items={entries.map((e) => ({
        key: e.type === 'call' ? `call-${e.callId}` : `interaction-${e.interaction.id}`,
        color: e.type === 'call' ? 'blue' : 'green',
        children: e.type === 'call' ? (
          <span>
            {formatTime(e.at)} · {t(`customers.direction.${e.direction === 'inbound' ? 'in' : 'out'}`)} {e.number}
            {' '}<Tag>{t(`calls.outcome.${e.outcome}` as never)}</Tag>
            {e.agentName ? ` · ${e.agentName}` : ''}{e.talkMs !== null ? ` · ${formatDuration(e.talkMs)}` : ''}
          </span>
        ) : (
          <span>
            {formatTime(e.at)} <InteractionKindTag kind={e.interaction.kind} />
            <Typography.Text strong>{e.interaction.summary}</Typography.Text>
            {e.interaction.agent ? ` · ${e.interaction.agent.name}` : ''}
          </span>
        ),
      }))}
    />
  );
}
