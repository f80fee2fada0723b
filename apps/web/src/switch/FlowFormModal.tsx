import { Form, Input } from 'antd';
import type { IvrFlowSummary } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useCreateFlow } from './ivr-flows-api';

/** 新建流程: a name and a description; the flow starts without versions, its draft is written in the editor. */
export function FlowFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (flow: IvrFlowSummary) => void }) {
  const t = useT();
  const create = useCreateFlow();
  return (
    <FormModal<{ name: string; description?: string }>
      open={open}
      onClose={onClose}
      name="flow"
      title={t('flows.create')}
      onSubmit={async (v) => onCreated(await create.mutateAsync({ name: v.name.trim(), description: v.description?.trim() || null }))}
    >
      <Form.Item name="name" label={t('flows.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={60} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
