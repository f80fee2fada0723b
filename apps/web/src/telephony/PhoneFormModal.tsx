import { Form, Input, Switch } from 'antd';
import type { PhoneAccount } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSavePhone } from './telephony-api';

interface Values {
  extension: string;
  name: string;
  enabled: boolean;
  password?: string;
}

/** 新建分机 / 编辑分机: the password is asked for when creating, and only to change it afterwards. */
export function PhoneFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: PhoneAccount | null }) {
  const t = useT();
  const save = useSavePhone();
  const required = { required: true, message: t('form.required') };
  const initialValues: Partial<Values> = editing
    ? { extension: editing.extension, name: editing.name, enabled: editing.enabled }
    : { enabled: true };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="phone"
      title={t(editing ? 'phones.edit' : 'phones.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: { extension: v.extension.trim(), name: v.name.trim(), enabled: v.enabled, ...(v.password ? { password: v.password } : {}) },
        })
      }
    >
      <Form.Item name="extension" label={t('phones.extension')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={10} autoFocus inputMode="numeric" />
      </Form.Item>
      <Form.Item name="name" label={t('phones.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('phones.password')}
        rules={editing ? [] : [required]}
        extra={t(editing ? 'phones.passwordKeep' : 'phones.passwordHint')}
      >
        <Input.Password maxLength={64} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="enabled" label={t('common.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
