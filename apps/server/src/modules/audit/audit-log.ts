/**
 * The audit trail. A change and its audit entry are written in the same transaction, so the log
 * never claims a change that was rolled back, nor misses one that was committed.
 */
import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { auditLog } from '../../db/schema';

export interface AuditEvent {
  /** From the catalogue in contracts, so every entry has a label people can read. */
  action: AuditAction;
  objectType?: string;
  objectId?: string | number;
  summary?: Record<string, unknown>;
  outcome?: 'success' | 'failed' | 'denied';
}

export interface Actor {
  userId: number | null;
  account: string | null;
  ip: string | null;
}

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return { userId: p?.userId ?? null, account: p?.account ?? null, ip: request.ip ?? null };
}

export async function writeAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.userId,
    account: actor.account,
    ip: actor.ip,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId === undefined ? null : String(event.objectId),
    summary: event.summary ?? null,
    outcome: event.outcome ?? 'success',
  });
}

const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenHash', 'token', 'csrfToken']);

/**
 * `{ before, after }` holding only the fields that changed; secrets are never written, only that
 * they changed.
 */
export function changeSummary(before: object | undefined, after: object | undefined): Record<string, unknown> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'createdAt' || key === 'updatedAt') continue;
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const secret = SECRET_FIELDS.has(key);
    if (before && key in b) out.before[key] = secret ? '***' : b[key];
    if (after && key in a) out.after[key] = secret ? '***' : a[key];
  }
  return before ? (after ? out : { before: out.before }) : { after: out.after };
}
