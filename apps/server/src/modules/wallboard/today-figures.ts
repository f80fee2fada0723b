/**
 * Today's wallboard figures from the call records: one pass over today's inbound calls in the
 * organisation's time zone (a busy hotline has a few thousand a day).
 */
import { and, gte, lt, eq } from 'drizzle-orm';
import type { WallboardFigures } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { calls } from '../../db/schema';

/** Answered within this wait counts toward the service level. */
export const SERVICE_LEVEL_MS = 20_000;

/** Midnight of `at`'s day and the next midnight in `timeZone`, with the date and the hour of an instant. */
function dayIn(timeZone: string, at: Date) {
  const parts = (d: Date) => Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((p) => [p.type, p.value]));
  const p = parts(at);
  const date = `${p.year}-${p.month}-${p.day}`;
  const sinceMidnightMs = ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + at.getMilliseconds();
  const start = new Date(at.getTime() - sinceMidnightMs);
  return { date, start, end: new Date(start.getTime() + 24 * 3600_000), hourOf: (d: Date) => Number(parts(d).hour) };
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

export async function todayFigures(db: Db, timeZone: string, now = new Date()): Promise<WallboardFigures> {
  const day = dayIn(timeZone, now);
  const rows = await db.select().from(calls).where(and(eq(calls.direction, 'inbound'), gte(calls.startedAt, day.start), lt(calls.startedAt, day.end)));
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, answered: 0, abandoned: 0, other: 0 }));
  const answered = rows.filter((r) => r.outcome === 'answered' || r.answeredAt !== null);
  const abandoned = rows.filter((r) => r.outcome === 'abandoned');
  for (const r of rows) {
    const slot = byHour[day.hourOf(r.startedAt)]!;
    if (answered.includes(r)) slot.answered++;
    else if (r.outcome === 'abandoned') slot.abandoned++;
    else slot.other++;
  }
  const waits = answered.map((r) => r.waitMs).filter((w): w is number => w !== null);
  const served = answered.length + abandoned.length;
  return {
    date: day.date,
    calls: rows.length,
    answered: answered.length,
    abandoned: abandoned.length,
    serviceLevel: answered.length === 0 ? null : answered.filter((r) => (r.waitMs ?? 0) <= SERVICE_LEVEL_MS).length / answered.length,
    asaMs: mean(waits),
    ahtMs: mean(answered.map((r) => (r.talkMs ?? 0) + r.holdMs + (r.wrapUpMs ?? 0))),
    avgWaitMs: mean(rows.map((r) => r.waitMs).filter((w): w is number => w !== null)),
    abandonRate: served === 0 ? null : abandoned.length / served,
    byHour,
  };
}
