import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Ok, QueueConfig, QueueInput } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { hotlineRoutes, queueMembers, queues } from '../../db/schema';
import { AppError, nameTaken } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { publishedFlowsReferencing } from '../ivr/flow-references';
import { checkQueueInput } from './queue-input-checks';
import { presentQueues } from './queue-presenter';

/** What the audit log keeps of a queue: its settings and members (ids and penalties). */
const audited = ({ updatedAt: _u, members, ...q }: QueueConfig) => ({ ...q, members: members.map((m) => ({ userId: m.userId, penalty: m.penalty })) });

async function findQueue(db: Db, id: number): Promise<QueueConfig> {
  const rows = await db.select().from(queues).where(eq(queues.id, id));
  if (rows.length === 0) throw new AppError('QUEUE_NOT_FOUND');
  return (await presentQueues(db, rows))[0]!;
}

async function setMembers(db: Db, queueId: number, members: { userId: number; penalty: number }[]): Promise<void> {
  await db.delete(queueMembers).where(eq(queueMembers.queueId, queueId));
  if (members.length > 0) await db.insert(queueMembers).values(members.map((m) => ({ queueId, ...m })));
}

/** Queues 技能组: who answers which calls, and what happens when nobody does in time. */
export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['queues'];

  app.get('/', {
    // Agents and supervisors read queue names for their consoles; only managers change them.
    config: { access: ['queues.manage', 'cti.agent', 'calls.view'] },
    schema: { tags, summary: '队列列表 List queues', response: { 200: z.array(QueueConfig) } },
  }, async () => presentQueues(db, await db.select().from(queues).orderBy(asc(queues.id))));

  app.post('/', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '新建队列 Create a queue', body: QueueInput, response: { 200: QueueConfig } },
  }, async (request) => {
    const { members, ...settings } = request.body;
    const overflowQueueId = await checkQueueInput(db, request.body, null);
    const created = await db.transaction(async (tx) => {
      const [row] = await tx.insert(queues).values({ ...settings, overflowQueueId }).returning();
      await setMembers(tx, row!.id, members);
      const presented = await findQueue(tx, row!.id);
      await writeAudit(tx, actorOf(request), {
        action: 'queue.create', objectType: 'queue', objectId: row!.id, summary: changeSummary(undefined, audited(presented)),
      });
      return presented;
    }).catch(nameTaken);
    await app.switchboard.reload();
    return created;
  });

  app.put('/:id', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '修改队列 Update a queue', params: IdParams, body: QueueInput, response: { 200: QueueConfig } },
  }, async (request) => {
    const { id } = request.params;
    const { members, ...settings } = request.body;
    const before = await findQueue(db, id);
    const overflowQueueId = await checkQueueInput(db, request.body, id);
    const updated = await db.transaction(async (tx) => {
      await tx.update(queues).set({ ...settings, overflowQueueId, updatedAt: new Date() }).where(eq(queues.id, id));
      await setMembers(tx, id, members);
      const after = await findQueue(tx, id);
      await writeAudit(tx, actorOf(request), {
        action: 'queue.update', objectType: 'queue', objectId: id, summary: changeSummary(audited(before), audited(after)),
      });
      return after;
    }).catch(nameTaken);
    await app.switchboard.reload();
    return updated;
  });

  app.delete('/:id', {
    config: { access: 'queues.manage' },
    schema: { tags, summary: '删除队列（仍被路由、溢出或已发布流程使用时拒绝） Delete a queue', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const before = await findQueue(tx, id);
      const routes = await tx.select({ number: hotlineRoutes.number }).from(hotlineRoutes).where(eq(hotlineRoutes.queueId, id));
      const overflows = await tx.select({ name: queues.name }).from(queues).where(and(eq(queues.overflowQueueId, id), ne(queues.id, id)));
      const flows = await publishedFlowsReferencing(tx, (refs) => refs.queueIds.has(id));
      if (routes.length + overflows.length + flows.length > 0) {
        throw new AppError('QUEUE_IN_USE', [
          ...routes.map((r) => ({ field: 'routes', message: `号码 ${r.number} 路由到此队列` })),
          ...overflows.map((q) => ({ field: 'queues', message: `队列「${q.name}」溢出到此队列` })),
          ...flows.map((f) => ({ field: 'flows', message: `已发布流程「${f.name}」使用此队列` })),
        ]);
      }
      await tx.delete(queues).where(eq(queues.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'queue.delete', objectType: 'queue', objectId: id, summary: changeSummary(audited(before), undefined),
      });
    });
    await app.switchboard.reload();
    return { ok: true as const };
  });
};
