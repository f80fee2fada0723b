import { useState } from 'react';
import type { Announcement } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useMarkAnnouncementRead } from './announcements-api';

/** The announcement open for reading; opening an unread one marks it read. */
export function useAnnouncementReading() {
  const [reading, setReading] = useState<Announcement | null>(null);
  const [open, setOpen] = useState(false);
  const markRead = useMarkAnnouncementRead();
  const report = useErrorReporter();
  return {
    reading,
    open,
    markRead: (announcement: Announcement) => markRead.mutate(announcement.id, { onError: (e) => report(e) }),
    show: (announcement: Announcement) => {
      setReading(announcement);
      setOpen(true);
      if (!announcement.readByMe) markRead.mutate(announcement.id, { onError: (e) => report(e) });
    },
    hide: () => setOpen(false),
  };
}
