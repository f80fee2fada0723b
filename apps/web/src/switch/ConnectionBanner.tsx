import { Alert } from 'antd';
import { useT } from '../i18n/use-t';

/** Says so while the CTI connection is down: the buttons would do nothing until it is back. */
export function ConnectionBanner({ connected, everConnected }: { connected: boolean; everConnected: boolean }) {
  const t = useT();
  if (connected) return null;
  return (
    <Alert
      type={everConnected ? 'error' : 'info'}
      showIcon
      banner
      data-testid="cti-connection"
      title={t(everConnected ? 'agent.reconnecting' : 'agent.connecting')}
      style={{ marginBottom: 16 }}
    />
  );
}
