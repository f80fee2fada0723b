import { Form, Input } from 'antd';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';

/** Asks for an optional note when a voicemail or callback is closed; `onSave` gets it (null when empty). */
export function TaskNoteModal({ open, title, onClose, onSave }: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSave: (note: string | null) => Promise<unknown>;
}) {
  const t = useT();
  return (
    <FormModal<{ note?: string }> open={open} onClose={onClose} name="taskNote" title={title} onSubmit={(v) => onSave(v.note?.trim() || null)}>
      <Form.Item name="note" label={t('tasks.note')}>
        <Input.TextArea maxLength={500} rows={3} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
