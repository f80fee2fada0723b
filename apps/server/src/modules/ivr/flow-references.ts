/**
 * The queues and flows a flow graph points at (`queue` nodes, `settings.agentQueueId`, `subflow`
 * nodes), read leniently from stored JSON: deleting a queue or a flow that a published flow still
 * uses would break live calls.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { ivrFlows, ivrFlowVersions } from '../../db/schema';

export interface FlowReferences {
  queueIds: Set<number>;
  flowIds: Set<number>;
}

export function flowReferences(graph: unknown): FlowReferences {
  const found: FlowReferences = { queueIds: new Set(), flowIds: new Set() };
  const g = graph as { settings?: { agentQueueId?: unknown }; nodes?: unknown };
  if (typeof g?.settings?.agentQueueId === 'number') found.queueIds.add(g.settings.agentQueueId);
  for (const node of Array.isArray(g?.nodes) ? (g.nodes as Record<string, unknown>[]) : []) {
    if (node?.type === 'queue' && typeof node.queueId === 'number') found.queueIds.add(node.queueId);
    if (node?.type === 'subflow' && typeof node.flowId === 'number') found.flowIds.add(node.flowId);
  }
  return found;
}

/** The published flows (id and name) whose graph references what `matches` picks. */
export async function publishedFlowsReferencing(db: Db, matches: (refs: FlowReferences, flowId: number) => boolean): Promise<{ id: number; name: string }[]> {
  const rows = await db.select({ id: ivrFlows.id, name: ivrFlows.name, graph: ivrFlowVersions.graph })
    .from(ivrFlows)
    .innerJoin(ivrFlowVersions, and(eq(ivrFlowVersions.flowId, ivrFlows.id), eq(ivrFlowVersions.version, ivrFlows.publishedVersion)));
  return rows.filter((r) => matches(flowReferences(r.graph), r.id)).map(({ id, name }) => ({ id, name }));
}
