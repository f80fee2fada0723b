import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CALLER_LISTS, CallerListEntry, CallerListInput, IdParams, Ok } from '@rexian/contracts';
import { callerLists } from '../../db/schema';
import { AppError, uniqueViolation } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';

const present = (e: typeof callerLists.$inferSelect): CallerListEntry => ({
  id: e.id, number: e.number, list: e.list, note: e.note, createdAt: e.createdAt.toISOString(),
});

/** Caller lists 名单: VIP and priority callers jump ahead in the queue; blacklisted callers are refused. */
export const callerListRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['routing'];

  app.get('/', {
    config: { access: 'queues.manage' },
    schema: {
      tags, summary: '名单 List caller list entries', querystring: z.object({ list: z.enum(CALLER_LISTS).optional() }),
      response: { 200: z.array(CallerListEntry) },
    },
  }, async (request) => {
    const { list } = request.query;
    const rows = await db.select().from(callerLists).where(list ? eq(callerLists.list, list) : undefined).orderBy(asc(callerLists.list), asc(callerLists.number));
    return rows.map(present);
  });

  app.post('/', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '加入名单 Add a number to a list', body: CallerListInput, response: { 200: CallerListEntry } },
  }, async (request) => {
    const created = await db.transaction(async (tx) => {
      const [row] = await tx.insert(callerLists).values(request.body).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'callerlist.add', objectType: 'callerlist', objectId: row!.id, summary: changeSummary(undefined, present(row!)),
      });
      return present(row!);
    }).catch((error: unknown) => {
      if (uniqueViolation(error) !== undefined) throw new AppError('NUMBER_TAKEN', [{ field: 'number', message: '该号码已在此名单中' }]);
      throw error;
    });
    await app.switchboard.reload();
    return created;
  });

  app.delete('/:id', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '移出名单 Remove a number from a list', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const [before] = await tx.delete(callerLists).where(eq(callerLists.id, id)).returning();
      if (!before) throw new AppError('CALLER_LIST_ENTRY_NOT_FOUND');
      await writeAudit(tx, actorOf(request), {
        action: 'callerlist.remove', objectType: 'callerlist', objectId: id, summary: changeSummary(present(before), undefined),
      });
    });
    await app.switchboard.reload();
    return { ok: true as const };
  });
};
