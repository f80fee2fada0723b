import { Form, Input, Radio, Select } from 'antd';
import type { HotlineRoute } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useFlows } from './ivr-flows-api';
import { useQueues } from './queues-api';
import { useSaveRoute } from './routing-api';

interface Values {
  number: string;
  target: 'flow' | 'queue';
  flowId?: number;
  queueId?: number;
  description?: string;
}

/** 新建路由 / 编辑路由: a hotline number and where its calls go, an IVR flow or straight to a queue. */
export function RouteFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: HotlineRoute | null }) {
  const t = useT();
  const save = useSaveRoute();
  const flows = useFlows(open);
  const queues = useQueues(open);
  const required = { required: true, message: t('form.required') };
  const initialValues: Partial<Values> = editing
    ? {
        number: editing.number, target: editing.flowId !== null ? 'flow' : 'queue',
        flowId: editing.flowId ?? undefined, queueId: editing.queueId ?? undefined, description: editing.description ?? undefined,
      }
    : { target: 'flow' };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="route"
      title={t(editing ? 'routes.edit' : 'routes.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: {
            number: v.number.trim(),
            flowId: v.target === 'flow' ? (v.flowId ?? null) : null,
            queueId: v.target === 'queue' ? (v.queueId ?? null) : null,
            description: v.description?.trim() || null,
          },
        })
      }
    >
      <Form.Item name="number" label={t('routes.number')} rules={[{ ...required, whitespace: true }]} extra={t('routes.numberHint')}>
        <Input maxLength={40} autoFocus />
      </Form.Item>
      <Form.Item name="target" label={t('routes.target')}>
        <Radio.Group optionType="button" options={[{ value: 'flow', label: t('routes.toFlow') }, { value: 'queue', label: t('routes.toQueue') }]} />
      </Form.Item>
      <Form.Item noStyle dependencies={['target']}>
        {({ getFieldValue }) =>
          getFieldValue('target') === 'flow' ? (
            <Form.Item name="flowId" label={t('routes.flow')} rules={[required]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={flows.data?.map((f) => ({ value: f.id, label: f.publishedVersion === null ? `${f.name}（${t('flows.unpublished')}）` : f.name }))} loading={flows.isPending} />
            </Form.Item>
          ) : (
            <Form.Item name="queueId" label={t('routes.queue')} rules={[required]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={queues.data?.map((q) => ({ value: q.id, label: q.name }))} loading={queues.isPending} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
