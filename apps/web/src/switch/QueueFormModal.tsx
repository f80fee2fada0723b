import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { OVERFLOW_ACTIONS, QUEUE_STRATEGIES, type QueueConfig, type QueueInput } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { QueueMembersField } from './QueueMembersField';
import { useQueues, useSaveQueue } from './queues-api';

type Values = Required<Omit<QueueInput, 'members'>> & { members: { userId: number; penalty: number | null }[] };

const DEFAULTS: Values = {
  name: '', strategy: 'longest-idle', record: true, maxWaitSec: 120, overflow: 'voicemail', overflowQueueId: null,
  ringTimeoutSec: 20, wrapUpSec: 15, announceEverySec: 30, recordAbandoned: true, members: [],
};

function Seconds({ name, label, min, max, extra }: { name: keyof Values; label: string; min: number; max: number; extra?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: t('form.required') }]}>
      <InputNumber min={min} max={max} precision={0} suffix={t('queues.seconds')} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** 新建队列 / 编辑队列: strategy, waiting limits and overflow, recording, and the members. */
export function QueueFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: QueueConfig | null }) {
  const t = useT();
  const save = useSaveQueue();
  const queues = useQueues(open);
  const initialValues: Values = editing ? { ...editing, members: editing.members.map(({ userId, penalty }) => ({ userId, penalty })) } : DEFAULTS;
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="queue"
      width={720}
      title={t(editing ? 'queues.edit' : 'queues.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: {
            ...v,
            name: v.name.trim(),
            overflowQueueId: v.overflow === 'queue' ? v.overflowQueueId : null,
            members: (v.members ?? []).map((m) => ({ userId: m.userId, penalty: m.penalty ?? 0 })),
          },
        })
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('queues.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input maxLength={60} autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="strategy" label={t('queues.strategy')}>
            <Select options={QUEUE_STRATEGIES.map((s) => ({ value: s, label: t(`queues.strategy.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}><Seconds name="maxWaitSec" label={t('queues.maxWait')} min={0} max={3600} extra={t('queues.maxWaitHint')} /></Col>
        <Col span={8}><Seconds name="ringTimeoutSec" label={t('queues.ringTimeout')} min={5} max={120} /></Col>
        <Col span={8}><Seconds name="wrapUpSec" label={t('queues.wrapUp')} min={0} max={600} /></Col>
        <Col span={8}><Seconds name="announceEverySec" label={t('queues.announceEvery')} min={0} max={600} extra={t('queues.announceHint')} /></Col>
        <Col span={8}>
          <Form.Item name="overflow" label={t('queues.overflow')}>
            <Select options={OVERFLOW_ACTIONS.map((a) => ({ value: a, label: t(`queues.overflow.${a}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item noStyle dependencies={['overflow']}>
            {({ getFieldValue }) =>
              getFieldValue('overflow') === 'queue' && (
                <Form.Item name="overflowQueueId" label={t('queues.overflowQueue')} rules={[{ required: true, message: t('form.required') }]}>
                  <Select options={queues.data?.filter((q) => q.id !== editing?.id).map((q) => ({ value: q.id, label: q.name }))} />
                </Form.Item>
              )
            }
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="record" label={t('queues.record')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="recordAbandoned" label={t('queues.recordAbandoned')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('queues.members')} extra={t('queues.penaltyHint')}>
        <QueueMembersField current={editing?.members ?? []} />
      </Form.Item>
    </FormModal>
  );
}
