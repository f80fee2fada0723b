import { describe, it, expect } from 'vitest';
import type { BusinessCalendar, SpecialDay, WorkHours } from '@rexian/contracts';
import {
  NoBusinessHoursError,
  addBusinessMinutes,
  isBusinessTime,
  nextBusinessOpening,
  workIntervalsOn,
} from './business-calendar';

type Intervals = WorkHours['intervals'];

const OFFICE: Intervals = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

function calendar(week: Partial<Record<number, Intervals>>, specialDays: SpecialDay[] = [], timeZone = 'Asia/Shanghai'): BusinessCalendar {
  return {
    timeZone,
    week: Object.entries(week).map(([weekday, intervals]) => ({ weekday: Number(weekday), intervals: intervals ?? [] })),
    specialDays,
  };
}

const monToFri = (intervals: Intervals) => ({ 1: intervals, 2: intervals, 3: intervals, 4: intervals, 5: intervals });
const STANDARD = calendar(monToFri(OFFICE));

/** Beijing wall-clock time, e.g. `2026-03-06T16:00`. */
const bj = (local: string) => new Date(`${local}+08:00`);

const holiday = (date: string): SpecialDay => ({ date, kind: 'holiday', name: '国庆节', intervals: [] });
const workday = (date: string, intervals: Intervals = []): SpecialDay => ({ date, kind: 'workday', name: '国庆调休', intervals });

/**
 * 2026 National Day as announced by the State Council: off Thu 10-01 to Wed 10-07 (10-03/04 are the
 * weekend anyway), make-up working days Sun 09-20 and Sat 10-10.
 */
const NATIONAL_DAY_2026 = calendar(monToFri(OFFICE), [
  workday('2026-09-20'),
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map(holiday),
  workday('2026-10-10'),
]);

describe('isBusinessTime', () => {
  it('is open from opening time inclusive to closing time exclusive', () => {
    expect(isBusinessTime(STANDARD, bj('2026-03-04T08:59:59'))).toBe(false);
    expect(isBusinessTime(STANDARD, bj('2026-03-04T09:00'))).toBe(true);
    expect(isBusinessTime(STANDARD, bj('2026-03-04T16:59:59.999'))).toBe(true);
    expect(isBusinessTime(STANDARD, bj('2026-03-04T17:00'))).toBe(false);
  });

  it('is closed over the lunch break', () => {
    expect(isBusinessTime(STANDARD, bj('2026-03-04T11:59'))).toBe(true);
    expect(isBusinessTime(STANDARD, bj('2026-03-04T12:00'))).toBe(false);
    expect(isBusinessTime(STANDARD, bj('2026-03-04T12:59:59'))).toBe(false);
    expect(isBusinessTime(STANDARD, bj('2026-03-04T13:00'))).toBe(true);
  });

  it('is closed at the weekend', () => {
    expect(isBusinessTime(STANDARD, bj('2026-03-07T10:00'))).toBe(false);
    expect(isBusinessTime(STANDARD, bj('2026-03-08T10:00'))).toBe(false);
  });

  it('reads the same instant in the calendar time zone: open in Asia/Shanghai, closed in Europe/London', () => {
    const at = new Date('2026-03-04T02:00:00Z'); // 10:00 in Beijing, 02:00 in London
    expect(isBusinessTime(STANDARD, at)).toBe(true);
    expect(isBusinessTime({ ...STANDARD, timeZone: 'Europe/London' }, at)).toBe(false);
  });

  it('is closed on a public holiday that falls on a weekday and open on a make-up Saturday', () => {
    expect(isBusinessTime(NATIONAL_DAY_2026, bj('2026-10-05T10:00'))).toBe(false);
    expect(isBusinessTime(NATIONAL_DAY_2026, bj('2026-10-10T10:00'))).toBe(true);
    expect(isBusinessTime(NATIONAL_DAY_2026, bj('2026-09-20T14:00'))).toBe(true);
  });
});

describe('addBusinessMinutes', () => {
  it('counts 4 business hours from Friday 16:00 to Monday 12:00 (1 h Friday, 3 h Monday)', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-06T16:00'), 240)).toEqual(bj('2026-03-09T12:00'));
  });

  it('skips the lunch break', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T11:30'), 60)).toEqual(bj('2026-03-04T13:30'));
  });

  it('skips the weekend when started on a Saturday', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-07T10:00'), 30)).toEqual(bj('2026-03-09T09:30'));
  });

  it('starts counting at the next opening when started before opening or after closing', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T07:00'), 30)).toEqual(bj('2026-03-04T09:30'));
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T18:00'), 30)).toEqual(bj('2026-03-05T09:30'));
  });

  it('keeps the seconds and milliseconds of a start inside hours', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T10:15:30.250'), 30)).toEqual(bj('2026-03-04T10:45:30.250'));
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T11:59:30'), 1)).toEqual(bj('2026-03-04T13:00:30'));
  });

  it('ends at closing time when the count uses up the interval exactly', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-06T16:00'), 60)).toEqual(bj('2026-03-06T17:00'));
  });

  it('returns the start itself for 0 minutes inside hours and the next opening for 0 minutes outside', () => {
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T10:15:07'), 0)).toEqual(bj('2026-03-04T10:15:07'));
    expect(addBusinessMinutes(STANDARD, bj('2026-03-04T12:30'), 0)).toEqual(bj('2026-03-04T13:00'));
    expect(addBusinessMinutes(STANDARD, bj('2026-03-06T17:00'), 0)).toEqual(bj('2026-03-09T09:00'));
  });

  it('spans whole weeks for a large count (35 business hours a week)', () => {
    const threeWeeks = 3 * 5 * 7 * 60;
    expect(addBusinessMinutes(STANDARD, bj('2026-03-02T09:00'), threeWeeks)).toEqual(bj('2026-03-20T17:00'));
    expect(addBusinessMinutes(STANDARD, bj('2026-03-02T09:00'), threeWeeks + 1)).toEqual(bj('2026-03-23T09:01'));
  });

  it('skips the National Day holiday week 2026-10-01..07', () => {
    expect(addBusinessMinutes(NATIONAL_DAY_2026, bj('2026-09-30T16:00'), 240)).toEqual(bj('2026-10-08T12:00'));
  });

  it('counts the make-up working Saturday 2026-10-10 with Monday hours', () => {
    expect(addBusinessMinutes(NATIONAL_DAY_2026, bj('2026-10-09T16:00'), 240)).toEqual(bj('2026-10-10T12:00'));
  });

  it('counts a make-up working day with its own hours instead of Monday hours', () => {
    const cal = calendar(monToFri(OFFICE), [workday('2026-09-20', [{ start: '09:00', end: '12:00' }])]);
    expect(isBusinessTime(cal, bj('2026-09-20T14:00'))).toBe(false);
    expect(addBusinessMinutes(cal, bj('2026-09-20T11:00'), 120)).toEqual(bj('2026-09-21T10:00'));
  });

  it('uses Monday hours on a make-up working day without hours of its own', () => {
    const cal = calendar({ 1: [{ start: '08:00', end: '20:00' }], 6: [] }, [workday('2026-10-10')]);
    expect(workIntervalsOn(cal, '2026-10-10')).toEqual([{ start: bj('2026-10-10T08:00'), end: bj('2026-10-10T20:00') }]);
  });

  it('accepts intervals listed out of order or overlapping', () => {
    const messy = calendar(monToFri([{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }, { start: '10:00', end: '11:00' }]));
    expect(workIntervalsOn(messy, '2026-03-04')).toEqual([
      { start: bj('2026-03-04T09:00'), end: bj('2026-03-04T12:00') },
      { start: bj('2026-03-04T13:00'), end: bj('2026-03-04T17:00') },
    ]);
    expect(addBusinessMinutes(messy, bj('2026-03-04T11:30'), 60)).toEqual(bj('2026-03-04T13:30'));
    expect(addBusinessMinutes(messy, bj('2026-03-06T16:00'), 240)).toEqual(bj('2026-03-09T12:00'));
  });

  it('counts real minutes across the Europe/Berlin spring-forward on 2026-03-29', () => {
    const nights = [{ start: '00:00', end: '06:00' }];
    const berlin = calendar({ 1: nights, 2: nights, 3: nights, 4: nights, 5: nights, 6: nights, 7: nights }, [], 'Europe/Berlin');
    // 02:00 CET jumps to 03:00 CEST, so 00:00–06:00 holds only five hours that night.
    expect(workIntervalsOn(berlin, '2026-03-29')).toEqual([
      { start: new Date('2026-03-28T23:00:00Z'), end: new Date('2026-03-29T04:00:00Z') },
    ]);
    expect(isBusinessTime(berlin, new Date('2026-03-29T01:30:00Z'))).toBe(true); // 03:30 CEST
    expect(addBusinessMinutes(berlin, new Date('2026-03-28T23:00:00Z'), 300)).toEqual(new Date('2026-03-29T04:00:00Z'));
    expect(addBusinessMinutes(berlin, new Date('2026-03-28T23:00:00Z'), 301)).toEqual(new Date('2026-03-29T22:01:00Z'));
  });

  it('drops an interval that lies wholly in the skipped spring-forward hour', () => {
    const gap = calendar({ 7: [{ start: '02:30', end: '03:00' }] }, [], 'Europe/Berlin');
    expect(workIntervalsOn(gap, '2026-03-29')).toEqual([]);
    expect(workIntervalsOn(gap, '2026-03-22')).toHaveLength(1);
  });

  it('throws NoBusinessHoursError instead of looping when the calendar has no working time', () => {
    expect(() => addBusinessMinutes(calendar({}), bj('2026-03-04T10:00'), 60)).toThrow(NoBusinessHoursError);
    expect(() => addBusinessMinutes(calendar(monToFri([])), bj('2026-03-04T10:00'), 0)).toThrow(NoBusinessHoursError);
    expect(nextBusinessOpening(calendar({}), bj('2026-03-04T10:00'))).toBeNull();
  });

  it('finds a lone make-up working day two years ahead but not one beyond three years', () => {
    expect(nextBusinessOpening(calendar({}, [workday('2028-03-04', OFFICE)]), bj('2026-03-04T10:00'))).toEqual(bj('2028-03-04T09:00'));
    expect(() => addBusinessMinutes(calendar({}, [workday('2030-03-04', OFFICE)]), bj('2026-03-04T10:00'), 1)).toThrow(NoBusinessHoursError);
  });

  it('throws NoBusinessHoursError when the hours are too sparse to reach the count within ten years', () => {
    const oneMinuteAWeek = calendar({ 1: [{ start: '09:00', end: '09:01' }] });
    expect(addBusinessMinutes(oneMinuteAWeek, bj('2026-03-04T10:00'), 3)).toEqual(bj('2026-03-23T09:01'));
    expect(() => addBusinessMinutes(oneMinuteAWeek, bj('2026-03-04T10:00'), 525600)).toThrow(NoBusinessHoursError);
  });

  it('rejects a negative or non-finite count', () => {
    expect(() => addBusinessMinutes(STANDARD, bj('2026-03-04T10:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(STANDARD, bj('2026-03-04T10:00'), Number.NaN)).toThrow(RangeError);
  });

  it('rejects an unknown time zone', () => {
    expect(() => isBusinessTime({ ...STANDARD, timeZone: 'Mars/Olympus' }, bj('2026-03-04T10:00'))).toThrow(RangeError);
  });

  it('counting a + b minutes equals counting a then b (200 seeded random cases)', () => {
    const random = mulberry32(20261001);
    const yearStart = bj('2026-01-01T00:00').getTime();
    const yearMs = 365 * 24 * 3600 * 1000;
    for (let n = 0; n < 200; n++) {
      const from = new Date(yearStart + Math.floor(random() * yearMs));
      const a = Math.floor(random() * 5000);
      // b ≥ 1: with b = 0 a count that ends at closing time would move on to the next opening.
      const b = 1 + Math.floor(random() * 5000);
      const once = addBusinessMinutes(NATIONAL_DAY_2026, from, a + b);
      const twice = addBusinessMinutes(NATIONAL_DAY_2026, addBusinessMinutes(NATIONAL_DAY_2026, from, a), b);
      expect(twice, `from ${from.toISOString()}, a=${a}, b=${b}`).toEqual(once);
    }
  });
});

describe('nextBusinessOpening', () => {
  it('is the start itself inside hours and the next interval start outside', () => {
    expect(nextBusinessOpening(STANDARD, bj('2026-03-04T10:15:07'))).toEqual(bj('2026-03-04T10:15:07'));
    expect(nextBusinessOpening(NATIONAL_DAY_2026, bj('2026-09-30T17:00'))).toEqual(bj('2026-10-08T09:00'));
  });
});

/** A small seeded PRNG so the random cases are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
