import { Button, Modal, Tag, Typography } from 'antd';
import type { Announcement } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';

/** One announcement, read in full. */
export function AnnouncementModal({ announcement, open, onClose }: { announcement: Announcement | null; open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={680}
      title={
        <>
          {announcement?.pinned && <Tag color="red">{t('announcements.pinned')}</Tag>}
          {announcement?.title}
        </>
      }
      footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}
    >
      {announcement && (
        <>
          <Typography.Text type="secondary">
            {t('announcements.byline', { author: announcement.authorName ?? '—', at: formatTime(announcement.publishedAt) })}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{announcement.body}</Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
