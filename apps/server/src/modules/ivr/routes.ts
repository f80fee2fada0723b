import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { FlowProblem, IdParams, IvrFlowSummary, IvrFlowVersion, Ok } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { hotlineRoutes, ivrFlows, ivrFlowVersions } from '../../db/schema';
import { AppError, apiError, nameTaken } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';
import { checkFlow } from './flow-checker';
import { presentFlowSummaries, presentVersions } from './flow-presenter';
import { publishFlowVersion } from './flow-publisher';
import { publishedFlowsReferencing } from './flow-references';
import { starterFlow } from './starter-flow';

/** Any JSON object: a draft may be unfinished; the validator reports its problems node by node. */
const Graph = z.looseObject({});
const FlowCreate = z.object({
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(200).nullable().default(null),
  graph: Graph.optional(),
});
const FlowDetail = z.object({ flow: IvrFlowSummary, versions: z.array(IvrFlowVersion) });
const Problems = z.object({ problems: z.array(FlowProblem) });
/** The 400 answers: FLOW_INVALID with `problems`, or any other error of the catalogue. */
const FlowRefused = z.looseObject({ error: z.looseObject({ code: z.string(), problems: z.array(FlowProblem).optional() }) });

async function findFlow(db: Db, id: number) {
  const [flow] = await db.select().from(ivrFlows).where(eq(ivrFlows.id, id));
  if (!flow) throw new AppError('FLOW_NOT_FOUND');
  return flow;
}

/** FLOW_INVALID with the validator's problems, so the designer can mark each node. */
const invalid = (problems: FlowProblem[]) => ({ error: { ...apiError('FLOW_INVALID').error, problems } });

/** IVR flows 流程 (IVR-1): drafts, validated publishing, rollback to an earlier version. */
export const ivrFlowRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['ivr'];
  const access = 'ivr.manage' as const;

  app.get('/', {
    config: { access },
    schema: { tags, summary: 'IVR 流程列表 List IVR flows', response: { 200: z.array(IvrFlowSummary) } },
  }, async () => presentFlowSummaries(db, await db.select().from(ivrFlows).orderBy(asc(ivrFlows.name))));

  app.post('/', {
    config: { access },
    schema: { tags, summary: '新建流程（草稿版本 1） Create a flow with draft version 1', body: FlowCreate, response: { 200: IvrFlowSummary } },
  }, async (request) => {
    const { name, description, graph } = request.body;
    const flow = await db.transaction(async (tx) => {
      const [row] = await tx.insert(ivrFlows).values({ name, description }).returning();
      await tx.insert(ivrFlowVersions).values({
        flowId: row!.id, version: 1, status: 'draft', graph: graph ?? starterFlow(), createdBy: request.principal!.userId,
      });
      await writeAudit(tx, actorOf(request), { action: 'ivr.flow.create', objectType: 'ivr_flow', objectId: row!.id, summary: { after: { name, description } } });
      return row!;
    }).catch(nameTaken);
    return (await presentFlowSummaries(db, [flow]))[0]!;
  });

  app.post('/validate', {
    config: { access },
    schema: { tags, summary: '校验流程（不保存） Validate a graph without saving', body: z.object({ graph: Graph }), response: { 200: Problems } },
  }, async (request) => ({ problems: await checkFlow(db, request.body.graph) }));

  app.get('/:id', {
    config: { access },
    schema: { tags, summary: '流程及其全部版本 A flow with its versions', params: IdParams, response: { 200: FlowDetail } },
  }, async (request) => {
    const flow = await findFlow(db, request.params.id);
    return { flow: (await presentFlowSummaries(db, [flow]))[0]!, versions: await presentVersions(db, flow.id) };
  });

  app.put('/:id/draft', {
    config: { access },
    schema: {
      tags, summary: '保存草稿（发布后另起新版本） Save the draft', params: IdParams, body: z.object({ graph: Graph }),
      response: { 200: Problems.extend({ version: z.number().int() }) },
    },
  }, async (request) => {
    const { id } = request.params;
    const { graph } = request.body;
    const version = await db.transaction(async (tx) => {
      await findFlow(tx, id);
      const [draft] = await tx.select().from(ivrFlowVersions).where(and(eq(ivrFlowVersions.flowId, id), eq(ivrFlowVersions.status, 'draft')));
      let saved: number;
      if (draft) {
        saved = draft.version;
        await tx.update(ivrFlowVersions).set({ graph, createdBy: request.principal!.userId })
          .where(and(eq(ivrFlowVersions.flowId, id), eq(ivrFlowVersions.version, saved)));
      } else {
        const [{ last } = { last: 0 }] = await tx.select({ last: max(ivrFlowVersions.version) }).from(ivrFlowVersions).where(eq(ivrFlowVersions.flowId, id));
        saved = (last ?? 0) + 1;
        await tx.insert(ivrFlowVersions).values({ flowId: id, version: saved, status: 'draft', graph, createdBy: request.principal!.userId });
      }
      await tx.update(ivrFlows).set({ updatedAt: new Date() }).where(eq(ivrFlows.id, id));
      await writeAudit(tx, actorOf(request), { action: 'ivr.flow.save', objectType: 'ivr_flow', objectId: id, summary: { version: saved } });
      return saved;
    });
    return { version, problems: await checkFlow(db, graph) };
  });

  app.post('/:id/publish', {
    config: { access },
    schema: { tags, summary: '发布草稿（先校验） Publish the draft after validating it', params: IdParams, response: { 200: IvrFlowVersion, 400: FlowRefused } },
  }, async (request, reply) => {
    const { id } = request.params;
    await findFlow(db, id);
    const [draft] = await db.select().from(ivrFlowVersions).where(and(eq(ivrFlowVersions.flowId, id), eq(ivrFlowVersions.status, 'draft')));
    if (!draft) throw new AppError('FLOW_NO_DRAFT');
    const problems = await checkFlow(db, draft.graph);
    if (problems.length > 0) return reply.status(400).send(invalid(problems));
    await db.transaction(async (tx) => {
      await publishFlowVersion(tx, id, draft.version);
      await writeAudit(tx, actorOf(request), { action: 'ivr.flow.publish', objectType: 'ivr_flow', objectId: id, summary: { version: draft.version } });
    });
    await app.switchboard.reload();
    return (await presentVersions(db, id, draft.version))[0]!;
  });

  app.post('/:id/rollback', {
    config: { access },
    schema: {
      tags, summary: '回滚到早先发布过的版本 Publish an earlier version again', params: IdParams,
      body: z.object({ version: z.number().int().positive() }), response: { 200: IvrFlowVersion, 400: FlowRefused },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const flow = await findFlow(db, id);
    const [target] = await db.select().from(ivrFlowVersions).where(and(eq(ivrFlowVersions.flowId, id), eq(ivrFlowVersions.version, request.body.version)));
    // Only a version that was published once (now archived) can come back; a draft goes through publish.
    if (!target || target.status !== 'archived') throw new AppError('FLOW_NOT_FOUND', [{ field: 'version', message: '只能回滚到曾经发布过的版本' }]);
    // Queues or flows it used may have gone since: it must still pass.
    const problems = await checkFlow(db, target.graph);
    if (problems.length > 0) return reply.status(400).send(invalid(problems));
    await db.transaction(async (tx) => {
      await publishFlowVersion(tx, id, target.version);
      await writeAudit(tx, actorOf(request), {
        action: 'ivr.flow.rollback', objectType: 'ivr_flow', objectId: id, summary: { from: flow.publishedVersion, to: target.version },
      });
    });
    await app.switchboard.reload();
    return (await presentVersions(db, id, target.version))[0]!;
  });

  app.delete('/:id', {
    config: { access },
    schema: { tags, summary: '删除流程（仍被路由或子流程使用时拒绝） Delete a flow', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const flow = await findFlow(tx, id);
      const routes = await tx.select({ number: hotlineRoutes.number }).from(hotlineRoutes).where(eq(hotlineRoutes.flowId, id));
      const callers = await publishedFlowsReferencing(tx, (refs, flowId) => flowId !== id && refs.flowIds.has(id));
      if (routes.length + callers.length > 0) {
        throw new AppError('FLOW_IN_USE', [
          ...routes.map((r) => ({ field: 'routes', message: `号码 ${r.number} 路由到此流程` })),
          ...callers.map((f) => ({ field: 'flows', message: `已发布流程「${f.name}」把它用作子流程` })),
        ]);
      }
      await tx.delete(ivrFlows).where(eq(ivrFlows.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'ivr.flow.delete', objectType: 'ivr_flow', objectId: id, summary: { before: { name: flow.name, publishedVersion: flow.publishedVersion } },
      });
    });
    await app.switchboard.reload();
    return { ok: true as const };
  });
};
