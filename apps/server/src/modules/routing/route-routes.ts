import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { HotlineRoute, HotlineRouteInput, IdParams, Ok } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { hotlineRoutes, ivrFlows, queues } from '../../db/schema';
import { AppError, uniqueViolation } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { presentRoutes } from './route-presenter';

type Input = z.output<typeof HotlineRouteInput>;

function numberTaken(error: unknown): never {
  if (uniqueViolation(error) !== undefined) throw new AppError('NUMBER_TAKEN', [{ field: 'number', message: '该号码已有路由' }]);
  throw error;
}

/** A route must point at a flow or a queue that exists (a flow needs a published version to take calls). */
async function checkTarget(db: Db, input: Input): Promise<void> {
  if (input.flowId !== null) {
    const [flow] = await db.select({ id: ivrFlows.id }).from(ivrFlows).where(eq(ivrFlows.id, input.flowId));
    if (!flow) throw new AppError('VALIDATION_FAILED', [{ field: 'flowId', message: 'IVR 流程不存在' }]);
  }
  if (input.queueId !== null) {
    const [queue] = await db.select({ id: queues.id }).from(queues).where(eq(queues.id, input.queueId));
    if (!queue) throw new AppError('VALIDATION_FAILED', [{ field: 'queueId', message: '队列不存在' }]);
  }
}

async function findRoute(db: Db, id: number): Promise<HotlineRoute> {
  const [route] = await presentRoutes(db, id);
  if (!route) throw new AppError('ROUTE_NOT_FOUND');
  return route;
}

/** Hotline numbers 号码路由 (TEL-2): a dialled number goes to an IVR flow or straight to a queue. */
export const hotlineRouteRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['routing'];

  app.get('/', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '号码路由列表 List number routes', response: { 200: z.array(HotlineRoute) } },
  }, async () => presentRoutes(db));

  app.post('/', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '新建号码路由 Create a number route', body: HotlineRouteInput, response: { 200: HotlineRoute } },
  }, async (request) => {
    await checkTarget(db, request.body);
    const created = await db.transaction(async (tx) => {
      const [row] = await tx.insert(hotlineRoutes).values(request.body).returning();
      const presented = await findRoute(tx, row!.id);
      await writeAudit(tx, actorOf(request), {
        action: 'route.create', objectType: 'route', objectId: row!.id, summary: changeSummary(undefined, presented),
      });
      return presented;
    }).catch(numberTaken);
    await app.switchboard.reload();
    return created;
  });

  app.put('/:id', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '修改号码路由 Update a number route', params: IdParams, body: HotlineRouteInput, response: { 200: HotlineRoute } },
  }, async (request) => {
    const { id } = request.params;
    const before = await findRoute(db, id);
    await checkTarget(db, request.body);
    const updated = await db.transaction(async (tx) => {
      await tx.update(hotlineRoutes).set(request.body).where(eq(hotlineRoutes.id, id));
      const after = await findRoute(tx, id);
      await writeAudit(tx, actorOf(request), {
        action: 'route.update', objectType: 'route', objectId: id, summary: changeSummary(before, after),
      });
      return after;
    }).catch(numberTaken);
    await app.switchboard.reload();
    return updated;
  });

  app.delete('/:id', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '删除号码路由 Delete a number route', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const before = await findRoute(tx, id);
      await tx.delete(hotlineRoutes).where(eq(hotlineRoutes.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'route.delete', objectType: 'route', objectId: id, summary: changeSummary(before, undefined),
      });
    });
    await app.switchboard.reload();
    return { ok: true as const };
  });
};
