import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CtiCommandInput } from '@rexian/contracts';
import { CustomerPop } from '../customers/CustomerPop';
import { InteractionForm } from '../customers/InteractionForm';
import { useT } from '../i18n/use-t';
import type { ConsoleActions, ConsoleCall } from './agent-console-state';
import { formatDuration } from './format-duration';
import { NumberAction } from './NumberAction';
import { useNow } from './use-now';

const PHASE_COLOURS: Record<ConsoleCall['phase'], string> = { ringing: 'processing', talking: 'red', held: 'orange', ended: 'default' };

/** The call's screen pop: who calls, from which queue, what they keyed in the IVR. */
function ScreenPop({ call }: { call: ConsoleCall }) {
  const t = useT();
  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('calls.caller')}>
          <Typography.Text strong style={{ fontSize: 16 }}>{call.callerNumber || '—'}</Typography.Text>
          {call.callerList && <Tag color={call.callerList === 'blacklist' ? 'red' : 'gold'} style={{ marginLeft: 8 }}>{t(`lists.${call.callerList}`)}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('calls.called')}>{call.calledNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calls.queue')}>{call.queueName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('calls.digits')}>{call.digits ? <Typography.Text code>{call.digits}</Typography.Text> : '—'}</Descriptions.Item>
        {Object.entries(call.variables).map(([name, value]) => (
          <Descriptions.Item key={name} label={name}>{value}</Descriptions.Item>
        ))}
      </Descriptions>
      <div style={{ marginTop: 12 }}>
        <CustomerPop number={call.callerNumber} />
      </div>
      {call.consult && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('agent.consulting', { target: call.consult.target })} <Tag>{t(`agent.consult.${call.consult.state}`)}</Tag>
        </Typography.Paragraph>
      )}
    </>
  );
}

/**
 * The current call and its controls. The buttons stay in place with or without a call (an agent
 * finds them where they were); each is enabled only when it makes sense now.
 */
export function CurrentCallCard({ call, actions, send }: {
  call: ConsoleCall | null;
  actions: ConsoleActions;
  send: (command: CtiCommandInput) => void;
}) {
  const t = useT();
  const now = useNow(call !== null && call.answeredAt !== null && call.phase !== 'ended');
  const callId = call?.callId ?? '';
  const onCall = (run: (callId: string) => CtiCommandInput) => () => {
    if (call) send(run(call.callId));
  };
  return (
    <Card
      title={t('agent.currentCall')}
      data-testid="current-call"
      extra={
        call && (
          <Space>
            <Tag color={PHASE_COLOURS[call.phase]}>{t(`agent.phase.${call.phase}`)}</Tag>
            {call.answeredAt && <Typography.Text strong data-testid="call-timer">{formatDuration(Math.max(0, now - dayjs(call.answeredAt).valueOf()))}</Typography.Text>}
          </Space>
        )
      }
    >
      {call ? <ScreenPop call={call} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agent.noCall')} />}
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="primary" disabled={!actions.answer} onClick={onCall((id) => ({ command: 'call.answer', callId: id }))}>{t('agent.answer')}</Button>
        <Button danger disabled={!actions.hangup} onClick={onCall((id) => ({ command: 'call.hangup', callId: id }))}>{t('agent.hangup')}</Button>
        <Button disabled={!actions.hold} onClick={onCall((id) => ({ command: 'call.hold', callId: id }))}>{t('agent.hold')}</Button>
        <Button disabled={!actions.resume} onClick={onCall((id) => ({ command: 'call.resume', callId: id }))}>{t('agent.resume')}</Button>
      </Space>
      <Space wrap style={{ marginTop: 12 }}>
        <NumberAction label={t('agent.transfer')} placeholder={t('agent.number')} disabled={!actions.transfer} onSend={(target) => send({ command: 'call.transfer', callId, target })} />
        <NumberAction label={t('agent.consult')} placeholder={t('agent.number')} disabled={!actions.consult} onSend={(target) => send({ command: 'call.consult', callId, target })} />
        <Button disabled={!actions.consultTransfer} onClick={onCall((id) => ({ command: 'call.consult-transfer', callId: id }))}>{t('agent.consultTransfer')}</Button>
        <Button disabled={!actions.consultCancel} onClick={onCall((id) => ({ command: 'call.consult-cancel', callId: id }))}>{t('agent.consultCancel')}</Button>
        <Button disabled={!actions.conference} onClick={onCall((id) => ({ command: 'call.conference', callId: id }))}>{t('agent.conference')}</Button>
      </Space>
      {call && <InteractionForm callId={call.callId} callerNumber={call.callerNumber} />}
      <div style={{ marginTop: 12 }}>
        <NumberAction label={t('agent.dial')} placeholder={t('agent.number')} disabled={!actions.dial} onSend={(target) => send({ command: 'call.dial', target })} />
      </div>
    </Card>
  );
}
