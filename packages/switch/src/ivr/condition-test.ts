/**
 * The `condition` node's tests. Times, weekdays and dates are read on the flow's wall clock
 * (`settings.timeZone`) through Intl, so the same code runs in the switch and in the designer's
 * simulator in the browser.
 */
import type { IvrConditionTest } from '@rexian/contracts';
import type { IvrCalendar } from './ivr-channel';
import { interpolate } from './interpolate';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface WallClock {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    weekday: WEEKDAYS[part('weekday')] ?? 0,
  };
}

function asNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** Whether a whole value matches an author's regular expression; a broken expression matches nothing. */
export function matchesWhole(value: string, pattern: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return false;
  }
}

export interface ConditionContext {
  now: Date;
  timeZone: string;
  calendar: IvrCalendar;
  variables: Readonly<Record<string, string>>;
}

export function conditionHolds(test: IvrConditionTest, context: ConditionContext): boolean {
  switch (test.kind) {
    case 'business-hours':
      return context.calendar.isOpen(context.now);
    case 'time': {
      const { time } = wallClock(context.now, context.timeZone);
      return test.from <= test.to ? test.from <= time && time < test.to : time >= test.from || time < test.to;
    }
    case 'weekday':
      return test.days.includes(wallClock(context.now, context.timeZone).weekday);
    case 'date-range': {
      const { date } = wallClock(context.now, context.timeZone);
      return test.from <= date && date <= test.to;
    }
    case 'variable':
      return variableTest(test, context.variables);
  }
}

function variableTest(test: Extract<IvrConditionTest, { kind: 'variable' }>, variables: Readonly<Record<string, string>>): boolean {
  const actual = Object.hasOwn(variables, test.variable) ? (variables[test.variable] ?? '') : '';
  const expected = interpolate(test.value ?? '', variables);
  switch (test.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'empty':
      return actual === '';
    case 'matches':
      return matchesWhole(actual, test.value ?? '');
    case 'lt':
    case 'gt': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === undefined || b === undefined) return false;
      return test.op === 'lt' ? a < b : a > b;
    }
  }
}
