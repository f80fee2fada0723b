import { useState } from 'react';
import { Button, Input, Modal } from 'antd';
import { useT } from '../i18n/use-t';

/** 求助: a message to the team leader, who sees it pop on 班长监控. `open`/`onOpen` let F10 open it too. */
export function HelpRequestButton({ disabled, open, onOpen, onClose, onSend }: {
  disabled: boolean; open: boolean; onOpen: () => void; onClose: () => void; onSend: (message: string) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <>
      <Button disabled={disabled} onClick={onOpen}>{t('agent.help')}</Button>
      <Modal
        open={open}
        title={t('agent.help')}
        okText={t('agent.helpSend')}
        onCancel={onClose}
        onOk={() => {
          onSend(text.trim());
          setText('');
          onClose();
        }}
        destroyOnHidden
      >
        <Input.TextArea autoFocus rows={2} maxLength={200} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('agent.helpHint')} aria-label={t('agent.help')} />
      </Modal>
    </>
  );
}
