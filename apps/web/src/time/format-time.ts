import dayjs from 'dayjs';

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** An instant from the server, shown in the browser's time zone; '—' when there is none. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format(TIME_FORMAT) : '—';
}
