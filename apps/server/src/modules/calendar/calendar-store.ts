/** The business calendar as stored: weekly hours, special days, and the system time zone. */
import { asc } from 'drizzle-orm';
import type { BusinessCalendar } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { specialDays, workHours } from '../../db/schema';
import { readParameter } from '../parameters/parameter-store';

export async function loadCalendar(db: Db): Promise<BusinessCalendar> {
  const week = await db.select().from(workHours).orderBy(asc(workHours.weekday));
  const days = await db.select().from(specialDays).orderBy(asc(specialDays.date));
  return {
    timeZone: await readParameter(db, 'system.timeZone'),
    week: week.map((w) => ({ weekday: w.weekday, intervals: w.intervals })),
    specialDays: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, intervals: d.intervals })),
  };
}
