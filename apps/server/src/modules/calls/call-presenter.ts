import { asc, inArray } from 'drizzle-orm';
import type { CallRecord } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { callLegs, type calls } from '../../db/schema';

type CallRow = typeof calls.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Exactly what a CDR shows: the call row and its legs in the order they started. */
export async function presentCalls(db: Db, rows: CallRow[]): Promise<CallRecord[]> {
  const ids = rows.map((c) => c.id);
  const legs = ids.length === 0 ? [] : await db.select().from(callLegs).where(inArray(callLegs.callId, ids)).orderBy(asc(callLegs.startedAt), asc(callLegs.id));
  return rows.map((c) => ({
    id: c.id, direction: c.direction, callerNumber: c.callerNumber, calledNumber: c.calledNumber, trunk: c.trunk,
    startedAt: c.startedAt.toISOString(), answeredAt: iso(c.answeredAt), endedAt: iso(c.endedAt), outcome: c.outcome,
    ivrPath: c.ivrPath, digits: c.digits, variables: c.variables, callerList: c.callerList, queueId: c.queueId, queueName: c.queueName,
    waitMs: c.waitMs, ringMs: c.ringMs, talkMs: c.talkMs, holdMs: c.holdMs, wrapUpMs: c.wrapUpMs,
    agent: c.agentUserId === null ? null : { userId: c.agentUserId, name: c.agentName ?? '', extension: c.agentExtension ?? '' },
    recordingId: c.recordingId, endReason: c.endReason,
    legs: legs.filter((l) => l.callId === c.id).map((l) => ({
      id: l.id, role: l.role, peer: l.peer, agentUserId: l.agentUserId, startedAt: l.startedAt.toISOString(),
      answeredAt: iso(l.answeredAt), endedAt: iso(l.endedAt), result: l.result, holdMs: l.holdMs,
    })),
  }));
}
