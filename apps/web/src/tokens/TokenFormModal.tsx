import { Form, Input, InputNumber } from 'antd';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useCreateToken, type CreatedToken } from './tokens-api';

interface Values {
  name: string;
  expiresInDays?: number | null;
}

/** 新建令牌: a name and an optional lifetime in days; the secret comes back once. */
export function TokenFormModal(props: { open: boolean; onClose: () => void; onCreated: (token: CreatedToken) => void }) {
  const { open, onClose, onCreated } = props;
  const t = useT();
  const create = useCreateToken();
  async function submit(v: Values) {
    const token = await create.mutateAsync({ name: v.name.trim(), expiresInDays: v.expiresInDays ?? null });
    onCreated(token);
  }
  return (
    <FormModal<Values> open={open} onClose={onClose} name="token" title={t('tokens.create')} onSubmit={submit}>
      <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.neverHint')}>
        <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
