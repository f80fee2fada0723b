import { asc, eq, inArray } from 'drizzle-orm';
import type { QueueConfig } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { queueMembers, users, type queues } from '../../db/schema';

type QueueRow = typeof queues.$inferSelect;

/** A queue's settings as the switch and the pages see them (no members, no timestamps). */
export function presentQueueSettings(q: QueueRow): Omit<QueueConfig, 'members' | 'updatedAt'> {
  return {
    id: q.id, name: q.name, strategy: q.strategy, record: q.record, maxWaitSec: q.maxWaitSec, overflow: q.overflow,
    overflowQueueId: q.overflowQueueId, ringTimeoutSec: q.ringTimeoutSec, wrapUpSec: q.wrapUpSec,
    announceEverySec: q.announceEverySec, recordAbandoned: q.recordAbandoned,
  };
}

/** Queues with their members (name and extension of each), members by penalty then name. */
export async function presentQueues(db: Db, rows: QueueRow[]): Promise<QueueConfig[]> {
  const ids = rows.map((q) => q.id);
  const members = ids.length === 0 ? [] : await db
    .select({ queueId: queueMembers.queueId, userId: users.id, name: users.name, extension: users.extension, penalty: queueMembers.penalty })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(inArray(queueMembers.queueId, ids))
    .orderBy(asc(queueMembers.penalty), asc(users.name));
  return rows.map((q) => ({
    ...presentQueueSettings(q),
    members: members.filter((m) => m.queueId === q.id).map(({ queueId: _q, ...m }) => m),
    updatedAt: q.updatedAt.toISOString(),
  }));
}
