import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/use-t';

/** Shown instead of a page whose right the user does not hold. */
export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbiddenPage')}
      extra={<Button type="primary" onClick={() => void navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}
