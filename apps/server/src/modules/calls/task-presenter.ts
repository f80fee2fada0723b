import { inArray } from 'drizzle-orm';
import type { CallbackRequest, Voicemail } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { queues, users, type callbacks, type voicemails } from '../../db/schema';

/** Names of the queues and of the people who handled these tasks, to show beside their ids. */
async function namesFor(db: Db, rows: { queueId: number | null; handledBy: number | null }[]) {
  const queueIds = [...new Set(rows.map((r) => r.queueId).filter((id): id is number => id !== null))];
  const userIds = [...new Set(rows.map((r) => r.handledBy).filter((id): id is number => id !== null))];
  const queueRows = queueIds.length === 0 ? [] : await db.select({ id: queues.id, name: queues.name }).from(queues).where(inArray(queues.id, queueIds));
  const userRows = userIds.length === 0 ? [] : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
  return {
    queueName: (id: number | null) => queueRows.find((q) => q.id === id)?.name ?? null,
    handler: (id: number | null) => userRows.find((u) => u.id === id) ?? null,
  };
}

export async function presentVoicemails(db: Db, rows: (typeof voicemails.$inferSelect)[]): Promise<Voicemail[]> {
  const names = await namesFor(db, rows);
  return rows.map((v) => ({
    id: v.id, callId: v.callId, callerNumber: v.callerNumber, queueId: v.queueId, queueName: names.queueName(v.queueId), reason: v.reason,
    createdAt: v.createdAt.toISOString(), durationMs: v.durationMs, status: v.status, handledBy: names.handler(v.handledBy),
    handledAt: v.handledAt?.toISOString() ?? null, note: v.note,
  }));
}

export async function presentCallbacks(db: Db, rows: (typeof callbacks.$inferSelect)[]): Promise<CallbackRequest[]> {
  const names = await namesFor(db, rows);
  return rows.map((c) => ({
    id: c.id, callId: c.callId, callerNumber: c.callerNumber, queueId: c.queueId, queueName: names.queueName(c.queueId), reason: c.reason,
    waitedMs: c.waitedMs, createdAt: c.createdAt.toISOString(), status: c.status, handledBy: names.handler(c.handledBy),
    handledAt: c.handledAt?.toISOString() ?? null, note: c.note,
  }));
}

