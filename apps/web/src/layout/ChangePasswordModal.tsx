import { App, Form, Input } from 'antd';
import { api } from '../api/client';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in user changes their own password (POST /api/auth/password). */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  async function submit({ oldPassword, newPassword }: Values) {
    await api.post('/api/auth/password', { oldPassword, newPassword });
    void message.success(t('password.changed'));
  }
  return (
    <FormModal<Values> open={open} onClose={onClose} name="changePassword" title={t('password.change')} onSubmit={submit}>
      <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rule')}
        rules={[{ required: true, message: t('form.required') }, { min: 8, message: t('password.tooShort') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
