import type { Dayjs } from 'dayjs';
import { clockToDayjs, dayjsToClock } from '../time/clock-time';

/** A work-hours interval as the form holds it (TimePicker values). */
export interface IntervalValue {
  start?: Dayjs | null;
  end?: Dayjs | null;
}

export function toIntervalValues(intervals: readonly { start: string; end: string }[]): IntervalValue[] {
  return intervals.map((i) => ({ start: clockToDayjs(i.start), end: clockToDayjs(i.end) }));
}

/** Form rows → `{ start, end }` in HH:mm; rows left half empty are dropped. */
export function fromIntervalValues(values: readonly IntervalValue[] | undefined): { start: string; end: string }[] {
  return (values ?? []).flatMap((v) => (v.start && v.end ? [{ start: dayjsToClock(v.start), end: dayjsToClock(v.end) }] : []));
}
