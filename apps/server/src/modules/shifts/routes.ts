import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Ok, Shift, ShiftInput } from '@rexian/contracts';
import { shifts } from '../../db/schema';
import { AppError, nameTaken } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';

/** Shifts 班次: named working periods; one ending before it starts runs past midnight. */
export const shiftRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['shifts'];
  const present = (s: typeof shifts.$inferSelect): Shift => ({
    id: s.id, name: s.name, start: s.start, end: s.end, color: s.color, overnight: s.end <= s.start,
  });

  app.get('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '班次列表 List shifts', response: { 200: z.array(Shift) } },
  }, async () => (await db.select().from(shifts).orderBy(asc(shifts.start), asc(shifts.id))).map(present));

  app.post('/', {
    config: { access: 'shifts.manage' },
    schema: { tags, summary: '新建班次 Create a shift', body: ShiftInput, response: { 200: Shift } },
  }, async (request) => db.transaction(async (tx) => {
    const [row] = await tx.insert(shifts).values({ ...request.body, color: request.body.color ?? null }).returning();
    await writeAudit(tx, actorOf(request), {
      action: 'shift.create', objectType: 'shift', objectId: row!.id, summary: changeSummary(undefined, present(row!)),
    });
    return present(row!);
  }).catch(nameTaken));

  app.put('/:id', {
    config: { access: 'shifts.manage' },
    schema: { tags, summary: '修改班次 Update a shift', params: IdParams, body: ShiftInput, response: { 200: Shift } },
  }, async (request) => db.transaction(async (tx) => {
    const { id } = request.params;
    const [before] = await tx.select().from(shifts).where(eq(shifts.id, id));
    if (!before) throw new AppError('SHIFT_NOT_FOUND');
    const [row] = await tx.update(shifts).set({ ...request.body, color: request.body.color ?? null }).where(eq(shifts.id, id)).returning();
    await writeAudit(tx, actorOf(request), {
      action: 'shift.update', objectType: 'shift', objectId: id, summary: changeSummary(present(before), present(row!)),
    });
    return present(row!);
  }).catch(nameTaken));

  app.delete('/:id', {
    config: { access: 'shifts.manage' },
    schema: { tags, summary: '删除班次 Delete a shift', params: IdParams, response: { 200: Ok } },
  }, async (request) => db.transaction(async (tx) => {
    const { id } = request.params;
    const [before] = await tx.delete(shifts).where(eq(shifts.id, id)).returning();
    if (!before) throw new AppError('SHIFT_NOT_FOUND');
    await writeAudit(tx, actorOf(request), {
      action: 'shift.delete', objectType: 'shift', objectId: id, summary: changeSummary(present(before), undefined),
    });
    return { ok: true as const };
  }));
};
