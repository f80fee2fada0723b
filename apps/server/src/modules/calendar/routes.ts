import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { BusinessCalendar, CalendarCheck, CalendarCheckQuery, CalendarDate, SpecialDay, WeekInput } from '@rexian/contracts';
import { specialDays, workHours } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';
import { addBusinessMinutes, isBusinessTime, NoBusinessHoursError } from './business-calendar';
import { loadCalendar } from './calendar-store';

const DateParams = z.object({ date: CalendarDate });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['calendar'];

  app.get('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '工作日历 The business calendar', response: { 200: BusinessCalendar } },
  }, async () => loadCalendar(db));

  app.put('/week', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '设置每周工作时间 Set weekly work hours', body: WeekInput, response: { 200: BusinessCalendar } },
  }, async (request) => {
    const weekdays = request.body.week.map((w) => w.weekday);
    if (new Set(weekdays).size !== weekdays.length) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'week', message: '每个星期几只能出现一次' }]);
    }
    const before = await loadCalendar(db);
    await db.transaction(async (tx) => {
      await tx.delete(workHours);
      if (request.body.week.length) await tx.insert(workHours).values(request.body.week);
      await writeAudit(tx, actorOf(request), {
        action: 'calendar.week.update', objectType: 'calendar', objectId: 'week',
        summary: { before: { week: before.week }, after: { week: request.body.week } },
      });
    });
    return loadCalendar(db);
  });

  app.put('/days/:date', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '设置节假日或调休工作日 Set a holiday or make-up working day', params: DateParams, body: SpecialDay, response: { 200: BusinessCalendar } },
  }, async (request) => {
    const { date } = request.params;
    if (request.body.date !== date) throw new AppError('VALIDATION_FAILED', [{ field: 'date', message: '日期与地址不一致' }]);
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(specialDays).where(eq(specialDays.date, date));
      const { kind, name, intervals } = request.body;
      await tx.insert(specialDays).values({ date, kind, name, intervals })
        .onConflictDoUpdate({ target: specialDays.date, set: { kind, name, intervals } });
      await writeAudit(tx, actorOf(request), {
        action: 'calendar.day.set', objectType: 'calendar_day', objectId: date,
        summary: { ...(before ? { before: { kind: before.kind, name: before.name } } : {}), after: { kind, name, intervals } },
      });
    });
    return loadCalendar(db);
  });

  app.delete('/days/:date', {
    config: { access: 'calendar.manage' },
    schema: { tags, summary: '删除特殊日期 Remove a special day', params: DateParams, response: { 200: BusinessCalendar } },
  }, async (request) => {
    const { date } = request.params;
    await db.transaction(async (tx) => {
      const [before] = await tx.delete(specialDays).where(eq(specialDays.date, date)).returning();
      if (!before) throw new AppError('NOT_FOUND');
      await writeAudit(tx, actorOf(request), {
        action: 'calendar.day.delete', objectType: 'calendar_day', objectId: date, summary: { before: { kind: before.kind, name: before.name } },
      });
    });
    return loadCalendar(db);
  });

  app.get('/check', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '是否在工作时间、N 个工作分钟后的时刻 In business hours? Due after N business minutes', querystring: CalendarCheckQuery, response: { 200: CalendarCheck } },
  }, async (request) => {
    const calendar = await loadCalendar(db);
    const at = new Date(request.query.at);
    let due: string | null = null;
    if (request.query.addMinutes !== undefined) {
      try {
        due = addBusinessMinutes(calendar, at, request.query.addMinutes).toISOString();
      } catch (error) {
        if (!(error instanceof NoBusinessHoursError)) throw error;
      }
    }
    return { at: at.toISOString(), inBusinessHours: isBusinessTime(calendar, at), due };
  });
};
