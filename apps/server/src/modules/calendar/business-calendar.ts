import { DateTime } from 'luxon';
import type { BusinessCalendar, WorkHours } from '@rexian/contracts';

/** A span of business time as instants: `start` inclusive, `end` exclusive. */
export interface WorkInterval {
  start: Date;
  end: Date;
}

/**
 * Longest run of closed days we look through before deciding the calendar has no working time:
 * a real calendar is never closed this long, and without a limit an empty calendar loops forever.
 */
const CLOSED_HORIZON_DAYS = 3 * 366;

/**
 * Hard ceiling on days walked in one call, so a huge `minutes` cannot hold the event loop (a
 * 100-year walk takes about a second); ten years covers a year of minutes at four hours a weekday.
 */
const MAX_SCAN_DAYS = 10 * 366;

const MS_PER_MINUTE = 60_000;

/**
 * The calendar has no work interval within {@link CLOSED_HORIZON_DAYS} days, or too little business
 * time to reach the count within {@link MAX_SCAN_DAYS}: either way there is no due time to give.
 */
export class NoBusinessHoursError extends Error {
  override readonly name = 'NoBusinessHoursError';

  constructor(
    readonly from: Date,
    message = `No business hours within ${CLOSED_HORIZON_DAYS} days after ${from.toISOString()}; ` +
      'check the work hours and holidays (三年内没有工作时间，请检查工作时间和节假日设置)',
  ) {
    super(message);
  }
}

export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  const t = at.getTime();
  return workIntervalsOn(calendar, localDate(calendar, at)).some((i) => i.start.getTime() <= t && t < i.end.getTime());
}

/** `from` itself when open, else the start of the next work interval; `null` when none is in reach. */
export function nextBusinessOpening(calendar: BusinessCalendar, from: Date): Date | null {
  try {
    const first = intervalsFrom(calendar, from).next();
    return first.done ? null : latest(first.value.start, from);
  } catch (error) {
    if (error instanceof NoBusinessHoursError) return null;
    throw error;
  }
}

/**
 * The instant reached after `minutes` of business time counted from `from`. A count that uses up
 * an interval exactly ends at its closing time rather than the next opening, so a 1-hour limit
 * from 16:00 is due at 17:00 the same day, not at 09:00 the next.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  let remaining = minutes * MS_PER_MINUTE;
  for (const interval of intervalsFrom(calendar, from)) {
    const start = latest(interval.start, from).getTime();
    const available = interval.end.getTime() - start;
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
  }
  throw new NoBusinessHoursError(
    from,
    `${minutes} business minutes reach beyond ${MAX_SCAN_DAYS} days after ${from.toISOString()} (工作时间太少，无法计算时限)`,
  );
}

/** The work intervals of one local date (`YYYY-MM-DD` in the calendar's zone), sorted and merged. */
export function workIntervalsOn(calendar: BusinessCalendar, isoDate: string): WorkInterval[] {
  const day = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!day.isValid || day.toISODate() !== isoDate) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);

  const instants = hoursOn(calendar, isoDate, day.weekday)
    .map(({ start, end }) => ({ start: atClock(calendar, isoDate, start), end: atClock(calendar, isoDate, end) }))
    // Inside a spring-forward gap luxon moves times forward, so 02:30–03:00 lands at 03:30–03:00:
    // those wall-clock minutes never happen and hold no business time.
    .filter((i) => i.start < i.end)
    .sort((a, b) => a.start.getTime() - b.start.getTime());

  // Overlapping or touching intervals are merged so a count never stops at a seam between them.
  const merged: WorkInterval[] = [];
  for (const interval of instants) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = latest(last.end, interval.end);
    else merged.push(interval);
  }
  return merged;
}

function hoursOn(calendar: BusinessCalendar, isoDate: string, weekday: number): WorkHours['intervals'] {
  const specials = calendar.specialDays.filter((d) => d.date === isoDate);
  // A date listed both ways is read as closed: order in the list should not decide it.
  if (specials.some((d) => d.kind === 'holiday')) return [];
  const makeUp = specials.find((d) => d.kind === 'workday');
  if (makeUp) return makeUp.intervals.length > 0 ? makeUp.intervals : weekHours(calendar, 1);
  return weekHours(calendar, weekday);
}

function weekHours(calendar: BusinessCalendar, weekday: number): WorkHours['intervals'] {
  return calendar.week.filter((w) => w.weekday === weekday).flatMap((w) => w.intervals);
}

/** Work intervals ending after `from`, in order, day after day. */
function* intervalsFrom(calendar: BusinessCalendar, from: Date): Generator<WorkInterval> {
  let date = DateTime.fromISO(localDate(calendar, from), { zone: 'utc' });
  let closedDays = 0;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++) {
    const open = workIntervalsOn(calendar, date.toISODate() ?? '').filter((i) => i.end > from);
    if (open.length === 0 && ++closedDays > CLOSED_HORIZON_DAYS) throw new NoBusinessHoursError(from);
    if (open.length > 0) closedDays = 0;
    yield* open;
    date = date.plus({ days: 1 });
  }
}

function localDate(calendar: BusinessCalendar, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  const iso = local.isValid ? local.toISODate() : null;
  if (iso === null) throw new RangeError(`Cannot read ${at.toString()} in time zone ${calendar.timeZone}`);
  return iso;
}

/** Wall-clock `HH:MM` on a local date as an instant; a time skipped by DST moves forward with the gap. */
function atClock(calendar: BusinessCalendar, isoDate: string, clock: string): Date {
  const local = DateTime.fromISO(`${isoDate}T${clock}`, { zone: calendar.timeZone });
  if (!local.isValid) throw new RangeError(`Cannot place ${isoDate} ${clock} in time zone ${calendar.timeZone}`);
  return local.toJSDate();
}

function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
