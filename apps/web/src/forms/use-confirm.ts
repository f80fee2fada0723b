import { useCallback } from 'react';
import { App } from 'antd';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';

/**
 * Asks before an action that cannot be undone (delete, revoke, unlock …); a failure is reported.
 * The dialog takes the keyboard focus, so Enter confirms and Esc cancels.
 */
export function useConfirm() {
  const { modal } = App.useApp();
  const t = useT();
  const report = useErrorReporter();
  return useCallback(
    (title: string, action: () => Promise<unknown>, options: { danger?: boolean; content?: string } = {}) => {
      modal.confirm({
        title,
        content: options.content,
        okText: t('common.ok'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: options.danger ?? true },
        onOk: async () => {
          try {
            await action();
          } catch (error) {
            report(error);
          }
        },
      });
    },
    [modal, report, t],
  );
}
