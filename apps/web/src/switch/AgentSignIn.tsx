import { useState } from 'react';
import { Button, Form, Input, Switch } from 'antd';
import { useMe } from '../auth/MeContext';
import { useT } from '../i18n/use-t';

/** 签入: with the user's own extension when their profile has one, else the one they type; 自动应答 optional. */
export function AgentSignIn({ disabled, onSignIn }: { disabled: boolean; onSignIn: (extension: string, autoAnswer: boolean) => Promise<unknown> }) {
  const t = useT();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  return (
    <Form<{ extension: string; autoAnswer: boolean }>
      name="agentSignIn"
      layout="inline"
      initialValues={{ extension: me.extension ?? '', autoAnswer: false }}
      onFinish={(v) => {
        setBusy(true);
        void onSignIn(v.extension.trim(), v.autoAnswer).finally(() => setBusy(false));
      }}
      style={{ rowGap: 12 }}
    >
      <Form.Item
        name="extension"
        label={t('agent.extension')}
        rules={[{ required: true, message: t('form.required') }, { pattern: /^\d{2,10}$/, message: t('agent.extensionInvalid') }]}
      >
        <Input maxLength={10} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="autoAnswer" label={t('agent.autoAnswer')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={disabled} loading={busy}>{t('agent.signIn')}</Button>
    </Form>
  );
}
