import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useT } from '../i18n/use-t';
import { ApiError } from './api-error';

/** `intervals.0.start` → `['intervals', 0, 'start']`, the name path antd forms use. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows a failed request to the user in their language, and when the server names the fields at
 * fault puts each message under its field of `form`.
 */
export function useErrorReporter() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        void message.error(t('error.unexpected'));
        return;
      }
      void message.error(t.language === 'en' ? error.messageEn : error.message);
      if (form && error.fields.length > 0) {
        form.setFields(error.fields.map((f) => ({ name: namePath(f.field), errors: [f.message] })));
      }
    },
    [message, t],
  );
}
