import { Drawer, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import type { Announcement } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { useAnnouncementReaders, type AnnouncementReader } from './announcements-api';

/** 阅读情况: who has read an announcement and when, against everyone it was sent to. */
export function ReadersDrawer({ announcement, open, onClose }: { announcement: Announcement | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const readers = useAnnouncementReaders(open && announcement ? announcement.id : null);
  const list = readers.data ?? [];
  const readCount = readers.data ? list.filter((r) => r.readAt !== null).length : (announcement?.readCount ?? 0);
  const recipientCount = readers.data ? list.length : (announcement?.recipientCount ?? 0);
  const columns: TableColumnsType<AnnouncementReader> = [
    { title: t('users.name'), dataIndex: 'name' },
    { title: t('users.account'), dataIndex: 'account' },
    {
      title: t('announcements.readAt'),
      dataIndex: 'readAt',
      render: (at: string | null) => (at ? formatTime(at) : <Tag>{t('announcements.unread')}</Tag>),
    },
  ];
  return (
    <Drawer open={open} onClose={onClose} size={560} title={t('announcements.readersOf', { title: announcement?.title ?? '' })}>
      <Statistic title={t('announcements.readCount')} value={readCount} suffix={`/ ${recipientCount}`} style={{ marginBottom: 16 }} />
      <Table<AnnouncementReader>
        rowKey="userId"
        size="small"
        columns={columns}
        dataSource={[...list].sort((a, b) => Number(a.readAt === null) - Number(b.readAt === null))}
        loading={readers.isPending && open}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </Drawer>
  );
}
