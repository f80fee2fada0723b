import { and, desc, eq, inArray } from 'drizzle-orm';
import type { IvrFlowSummary, IvrFlowVersion } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { ivrFlowVersions, users, type ivrFlows } from '../../db/schema';

type FlowRow = typeof ivrFlows.$inferSelect;

/** Flows with their published and draft version numbers. */
export async function presentFlowSummaries(db: Db, flows: FlowRow[]): Promise<IvrFlowSummary[]> {
  const ids = flows.map((f) => f.id);
  const drafts = ids.length === 0 ? [] : await db.select({ flowId: ivrFlowVersions.flowId, version: ivrFlowVersions.version })
    .from(ivrFlowVersions).where(and(inArray(ivrFlowVersions.flowId, ids), eq(ivrFlowVersions.status, 'draft')));
  return flows.map((f) => ({
    id: f.id, name: f.name, description: f.description, publishedVersion: f.publishedVersion,
    draftVersion: drafts.find((d) => d.flowId === f.id)?.version ?? null,
    updatedAt: f.updatedAt.toISOString(),
  }));
}

/** A flow's versions, newest first, with who created each; or only `version` when given. */
export async function presentVersions(db: Db, flowId: number, version?: number): Promise<IvrFlowVersion[]> {
  const rows = await db.select({ v: ivrFlowVersions, creatorName: users.name })
    .from(ivrFlowVersions)
    .leftJoin(users, eq(users.id, ivrFlowVersions.createdBy))
    .where(and(eq(ivrFlowVersions.flowId, flowId), version === undefined ? undefined : eq(ivrFlowVersions.version, version)))
    .orderBy(desc(ivrFlowVersions.version));
  return rows.map(({ v, creatorName }) => ({
    flowId: v.flowId, version: v.version, status: v.status, graph: v.graph, createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy !== null && creatorName !== null ? { id: v.createdBy, name: creatorName } : null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
  }));
}
