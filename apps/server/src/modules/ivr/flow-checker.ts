/** Runs the flow validator with the queues and published flows that exist right now. */
import { isNotNull } from 'drizzle-orm';
import type { FlowProblem } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { ivrFlows, queues } from '../../db/schema';
import { validateFlow } from '@rexian/switch';

export async function checkFlow(db: Db, graph: unknown): Promise<FlowProblem[]> {
  const [queueRows, flowRows] = await Promise.all([
    db.select({ id: queues.id }).from(queues),
    // A subflow runs the other flow's published version: one with none cannot be called.
    db.select({ id: ivrFlows.id }).from(ivrFlows).where(isNotNull(ivrFlows.publishedVersion)),
  ]);
  return validateFlow(graph, { knownQueueIds: queueRows.map((q) => q.id), knownFlowIds: flowRows.map((f) => f.id) });
}
