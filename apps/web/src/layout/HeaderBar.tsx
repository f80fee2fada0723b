import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { PARAMETERS } from '@rexian/contracts';
import { useMe } from '../auth/MeContext';
import { useSignOut } from '../auth/use-sign-out';
import { useT } from '../i18n/use-t';
import { ChangePasswordModal } from './ChangePasswordModal';
import { LanguageSwitch } from './LanguageSwitch';

/** System name on the left; who is signed in, the language, 修改密码 and 退出登录 on the right. */
export function HeaderBar() {
  const t = useT();
  const me = useMe();
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {/* The default name has an English form; a name the organisation chose is shown as it is. */}
        {me.systemName === PARAMETERS['system.name'].default ? t('app.name') : me.systemName}
      </Typography.Title>
      <Space size="middle">
        <Typography.Text data-testid="current-user">
          {me.name}
          {me.departmentName ? ` · ${me.departmentName}` : ''}
        </Typography.Text>
        <LanguageSwitch />
        <Button type="link" onClick={() => setChangingPassword(true)}>
          {t('password.change')}
        </Button>
        <Button type="link" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Button>
      </Space>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </div>
  );
}
