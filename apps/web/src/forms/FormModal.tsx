import { useRef, useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';

interface Props<T> {
  open: boolean;
  title: ReactNode;
  /** Form name: field ids become `<name>_<field>`, which tests and labels rely on. */
  name: string;
  initialValues?: Partial<T>;
  /** Saves the values; a rejection is shown, with its field messages under the fields. */
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}

/**
 * A dialog holding a form: Enter or 确定 submits, Esc or 取消 closes; the form is rebuilt from
 * `initialValues` each time it opens.
 */
export function FormModal<T extends object>(props: Props<T>) {
  const { open, title, name, initialValues, onSubmit, onClose, width, children } = props;
  const t = useT();
  // The form makes its own store each time the dialog opens (destroyOnHidden), so it always starts
  // from `initialValues`. A store shared across openings would need clearOnDestroy, which empties it
  // again under StrictMode's mount–unmount–mount, losing the initial values in development.
  const formRef = useRef<FormInstance<T>>(null);
  const report = useErrorReporter();
  const [saving, setSaving] = useState(false);

  async function finish(values: T) {
    setSaving(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      report(error, formRef.current ?? undefined);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: saving }}
      modalRender={(dialog) => (
        <Form<T>
          ref={formRef}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void finish(values)}
        >
          {dialog}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
