import { asc, eq } from 'drizzle-orm';
import type { HotlineRoute } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { hotlineRoutes, ivrFlows, queues } from '../../db/schema';

/** Hotline routes with the names of the flow or queue each goes to, by number (or just one). */
export async function presentRoutes(db: Db, id?: number): Promise<HotlineRoute[]> {
  const query = db.select({
    id: hotlineRoutes.id, number: hotlineRoutes.number, flowId: hotlineRoutes.flowId, flowName: ivrFlows.name,
    queueId: hotlineRoutes.queueId, queueName: queues.name, description: hotlineRoutes.description,
  })
    .from(hotlineRoutes)
    .leftJoin(ivrFlows, eq(ivrFlows.id, hotlineRoutes.flowId))
    .leftJoin(queues, eq(queues.id, hotlineRoutes.queueId));
  return id === undefined ? query.orderBy(asc(hotlineRoutes.number)) : query.where(eq(hotlineRoutes.id, id));
}
