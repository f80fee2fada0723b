import { Button, Card, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import type { Announcement } from '@rexian/contracts';
import { AnnouncementModal } from '../announcements/AnnouncementModal';
import { useAnnouncements } from '../announcements/announcements-api';
import { useAnnouncementReading } from '../announcements/use-announcement-reading';
import { useMe } from '../auth/MeContext';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';

/** 首页: a welcome, and the announcements the user has not read yet. */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const announcements = useAnnouncements();
  const reading = useAnnouncementReading();
  const unread = (announcements.data ?? []).filter((a) => !a.readByMe);

  const columns: TableColumnsType<Announcement> = [
    {
      title: t('announcements.title'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => reading.show(a)}>
          {title}
        </Button>
      ),
    },
    { title: t('announcements.publishedAt'), dataIndex: 'publishedAt', render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => <Button type="link" onClick={() => reading.markRead(a)}>{t('announcements.markRead')}</Button>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.name })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.signedInAs', { account: me.account, department: me.departmentName ?? '—' })}
        </Typography.Text>
      </Card>
      <Card
        title={t('home.unreadAnnouncements', { n: unread.length })}
        extra={<Button type="link" onClick={() => void navigate('/announcements')}>{t('home.allAnnouncements')}</Button>}
      >
        {unread.length === 0 && !announcements.isPending ? (
          <Empty description={t('home.allRead')} />
        ) : (
          <Table<Announcement> rowKey="id" size="small" columns={columns} dataSource={unread} loading={announcements.isPending} pagination={false} />
        )}
      </Card>
      <AnnouncementModal announcement={reading.reading} open={reading.open} onClose={reading.hide} />
    </Space>
  );
}
