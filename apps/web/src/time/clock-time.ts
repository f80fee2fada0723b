import dayjs, { type Dayjs } from 'dayjs';

/** `HH:mm` → a Dayjs on a fixed day, for a TimePicker (only its hour and minute matter). */
export function clockToDayjs(clock: string): Dayjs {
  return dayjs(`2000-01-01T${clock}`);
}

/** A TimePicker's value → `HH:mm`. */
export function dayjsToClock(value: Dayjs): string {
  return value.format('HH:mm');
}
