import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import type { CreatedToken } from './tokens-api';

/** The new token's secret, shown this once with a copy button. */
export function TokenSecretModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={token !== null}
      title={t('tokens.created')}
      onCancel={onClose}
      footer={<Button type="primary" onClick={onClose}>{t('tokens.copiedDone')}</Button>}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: token?.token }} code data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
        {token?.token}
      </Typography.Paragraph>
    </Modal>
  );
}
