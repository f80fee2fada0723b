import { Alert, Descriptions, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import type { CallLeg, CallRecord } from '@rexian/contracts';
import { useRight } from '../auth/use-right';
import { useT, type Translator } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { OUTCOME_COLOURS } from './call-labels';
import { recordingAudioUrl, useCall } from './calls-api';
import { formatDuration } from './format-duration';

function legLine(leg: CallLeg, t: Translator): string {
  const parts = [`${t(`calls.leg.${leg.role}`)} ${leg.peer}`, formatTime(leg.startedAt)];
  if (leg.answeredAt) parts.push(t('calls.legAnswered', { time: formatTime(leg.answeredAt) }));
  if (leg.endedAt) parts.push(t('calls.legEnded', { time: formatTime(leg.endedAt) }));
  if (leg.result) parts.push(leg.result);
  if (leg.holdMs > 0) parts.push(t('calls.legHeld', { duration: formatDuration(leg.holdMs) }));
  return parts.join(' · ');
}

function CallDetail({ call }: { call: CallRecord }) {
  const t = useT();
  const canPlay = useRight('recordings.play');
  const variables = Object.entries(call.variables);
  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('calls.caller')}>{call.callerNumber}</Descriptions.Item>
        <Descriptions.Item label={t('calls.called')}>{call.calledNumber}</Descriptions.Item>
        <Descriptions.Item label={t('calls.direction')}>{t(`calls.direction.${call.direction}`)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.outcome')}>
          <Tag color={OUTCOME_COLOURS[call.outcome]}>{t(`calls.outcome.${call.outcome}`)}</Tag>
          {call.endReason && <Typography.Text type="secondary">{call.endReason}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('calls.startedAt')}>{formatTime(call.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.endedAt')}>{formatTime(call.endedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.queue')}>{call.queueName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calls.agent')}>{call.agent ? `${call.agent.name}（${call.agent.extension}）` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calls.wait')}>{formatDuration(call.waitMs)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.talk')}>{formatDuration(call.talkMs)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.hold')}>{formatDuration(call.holdMs)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.wrapUp')}>{formatDuration(call.wrapUpMs)}</Descriptions.Item>
        <Descriptions.Item label={t('calls.trunk')}>{call.trunk ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calls.callerList')}>{call.callerList ? t(`lists.${call.callerList}`) : '—'}</Descriptions.Item>
      </Descriptions>

      {call.recordingId !== null && canPlay && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>{t('calls.recording')}</Typography.Title>
          <audio controls preload="none" src={recordingAudioUrl(call.recordingId)} data-testid="call-recording" style={{ width: '100%' }} />
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('calls.legs')}</Typography.Title>
      {call.legs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline items={call.legs.map((leg) => ({ key: leg.id, color: leg.answeredAt ? 'green' : 'gray', content: legLine(leg, t) }))} />
      )}

      <Typography.Title level={5}>{t('calls.ivr')}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('calls.ivrPath')}>{call.ivrPath.length ? call.ivrPath.join(' → ') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calls.digits')}>{call.digits ? <Typography.Text code>{call.digits}</Typography.Text> : '—'}</Descriptions.Item>
        {variables.map(([name, value]) => (
          <Descriptions.Item key={name} label={name}>{value}</Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}

/** A call's detail: the record, its legs as a timeline, the IVR path with keys and variables, and the recording. */
export function CallDetailDrawer({ callId, onClose }: { callId: string | null; onClose: () => void }) {
  const t = useT();
  const call = useCall(callId);
  return (
    <Drawer open={callId !== null} onClose={onClose} size={720} title={t('calls.detail')} destroyOnHidden>
      {call.data ? <CallDetail call={call.data} /> : call.isError ? <Alert type="warning" showIcon title={t('calls.notFound')} /> : <Spin />}
    </Drawer>
  );
}
