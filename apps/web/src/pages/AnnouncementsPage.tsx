import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Announcement } from '@rexian/contracts';
import { AnnouncementFormModal } from '../announcements/AnnouncementFormModal';
import { AnnouncementModal } from '../announcements/AnnouncementModal';
import { useAnnouncements, useDeleteAnnouncement } from '../announcements/announcements-api';
import { ReadersDrawer } from '../announcements/ReadersDrawer';
import { useAnnouncementReading } from '../announcements/use-announcement-reading';
import { useRight } from '../auth/use-right';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';

/** 公告: everyone reads (pinned first); holders of announcements.manage publish, edit, delete and see who read. */
export function AnnouncementsPage() {
  const t = useT();
  const canManage = useRight('announcements.manage');
  const announcements = useAnnouncements();
  const remove = useDeleteAnnouncement();
  const confirm = useConfirm();
  const reading = useAnnouncementReading();
  const editor = useEditor<Announcement>();
  const readers = useEditor<Announcement>();

  const columns: TableColumnsType<Announcement> = [
    {
      title: t('announcements.title'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <Space size={4}>
          {a.pinned && <Tag color="red">{t('announcements.pinned')}</Tag>}
          <Button type="link" style={{ padding: 0, fontWeight: a.readByMe ? 'normal' : 'bold' }} onClick={() => reading.show(a)}>
            {title}
          </Button>
          {!a.readByMe && <Tag color="blue">{t('announcements.unread')}</Tag>}
        </Space>
      ),
    },
    { title: t('announcements.author'), dataIndex: 'authorName', render: (v: string | null) => v ?? '—' },
    { title: t('announcements.publishedAt'), dataIndex: 'publishedAt', render: formatTime },
  ];
  if (canManage) {
    columns.push(
      { title: t('announcements.readCount'), key: 'reads', render: (_, a) => `${a.readCount} / ${a.recipientCount}` },
      {
        title: t('common.actions'),
        key: 'actions',
        render: (_, a) => (
          <Space size={0} wrap>
            <Button type="link" onClick={() => readers.show(a)}>{t('announcements.readers')}</Button>
            <Button type="link" onClick={() => editor.show(a)}>{t('common.edit')}</Button>
            <Button type="link" danger onClick={() => confirm(t('announcements.deleteConfirm', { title: a.title }), () => remove.mutateAsync(a.id))}>
              {t('common.delete')}
            </Button>
          </Space>
        ),
      },
    );
  }

  return (
    <Card
      title={t('menu.announcements')}
      extra={canManage && <Button type="primary" onClick={() => editor.show(null)}>{t('announcements.create')}</Button>}
    >
      <Table<Announcement> rowKey="id" columns={columns} dataSource={announcements.data} loading={announcements.isPending} />
      <AnnouncementModal announcement={reading.reading} open={reading.open} onClose={reading.hide} />
      {canManage && (
        <>
          <AnnouncementFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
          <ReadersDrawer announcement={readers.value} open={readers.open} onClose={readers.hide} />
        </>
      )}
    </Card>
  );
}
