import { App, Form, Input } from 'antd';
import type { User } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useResetPassword } from './users-api';

/** 重置密码: an administrator gives a user a new password. */
export function ResetPasswordModal({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reset = useResetPassword();
  async function submit({ password }: { password: string }) {
    if (!user) return;
    await reset.mutateAsync({ id: user.id, password });
    void message.success(t('users.passwordReset', { name: user.name }));
  }
  return (
    <FormModal<{ password: string }>
      open={open}
      onClose={onClose}
      name="resetPassword"
      title={t('users.resetPasswordOf', { name: user?.name ?? '' })}
      onSubmit={submit}
    >
      <Form.Item name="password" label={t('password.new')} extra={t('password.rule')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
    </FormModal>
  );
}
