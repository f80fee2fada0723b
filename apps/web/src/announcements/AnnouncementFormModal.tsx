import { Form, Input, Switch } from 'antd';
import type { Announcement } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSaveAnnouncement } from './announcements-api';

interface Values {
  title: string;
  body: string;
  pinned: boolean;
}

/** 发布公告 / 编辑公告: title, text and whether it stays on top. */
export function AnnouncementFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: Announcement | null }) {
  const t = useT();
  const save = useSaveAnnouncement();
  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="announcement"
      width={680}
      title={t(editing ? 'announcements.edit' : 'announcements.create')}
      initialValues={editing ?? { title: '', body: '', pinned: false }}
      onSubmit={(v) => save.mutateAsync({ id: editing?.id, input: { title: v.title.trim(), body: v.body.trim(), pinned: v.pinned } })}
    >
      <Form.Item name="title" label={t('announcements.title')} rules={[required]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="body" label={t('announcements.body')} rules={[required]}>
        <Input.TextArea maxLength={20000} autoSize={{ minRows: 6, maxRows: 16 }} />
      </Form.Item>
      <Form.Item name="pinned" label={t('announcements.pinned')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
