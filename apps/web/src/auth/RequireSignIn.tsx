import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useT } from '../i18n/use-t';
import { useMeQuery } from './me-query';
import { MeContext } from './MeContext';

/** Shows its children to a signed-in user and sends anyone else to the sign-in page. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) return <Spin size="large" fullscreen />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('error.serverUnreachable')}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <MeContext value={me.data}>{children}</MeContext>;
}
