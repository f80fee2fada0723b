import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '@rexian/contracts';
import { api, setCsrfToken } from '../api/client';
import { ApiError } from '../api/api-error';
import { ME_KEY, useMeQuery } from '../auth/me-query';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** 登录: account and password; the server's refusal (wrong password, locked account …) shown above the form. */
export function LoginPage() {
  const t = useT();
  const me = useMeQuery();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginInput>();
  const [error, setError] = useState<ApiError | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data) return <Navigate to={from} replace />;

  async function signIn(values: LoginInput) {
    setSigningIn(true);
    setError(null);
    try {
      const signedIn = await api.post<Me>('/api/auth/login', values);
      setCsrfToken(signedIn.csrfToken);
      queryClient.setQueryData(ME_KEY, signedIn);
      await navigate(from, { replace: true });
    } catch (e) {
      const failure = e instanceof ApiError ? e : ApiError.unreachable();
      setError(failure);
      if (failure.fields.length > 0) {
        form.setFields(failure.fields.map((f) => ({ name: f.field as keyof LoginInput, errors: [f.message] })));
      }
    } finally {
      setSigningIn(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }} title={t('app.name')} extra={<LanguageSwitch />}>
        <Typography.Paragraph type="secondary">{t('auth.welcome')}</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t.language === 'en' ? error.messageEn : error.message}
            data-testid="login-error"
          />
        )}
        <Form<LoginInput> form={form} name="login" layout="vertical" onFinish={(v) => void signIn(v)}>
          <Form.Item name="account" label={t('auth.account')} rules={[{ required: true, message: t('auth.accountRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signingIn}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
