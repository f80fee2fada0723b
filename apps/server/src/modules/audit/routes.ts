import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
import { AuditEntry, AuditQuery, pageOf } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { containsPattern, prefixPattern } from '../../db/like-pattern';
import { auditLog, users } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { departmentSubtree } from '../departments/department-tree';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/', {
    config: { access: 'audit.view' },
    schema: { tags: ['audit'], summary: '查询审计日志 Search the audit log', querystring: AuditQuery, response: { 200: pageOf(AuditEntry) } },
  }, async (request) => {
    const q = request.query;
    const conditions: (SQL | undefined)[] = [await scopeCondition(db, request.principal!)];
    if (q.account) conditions.push(ilike(auditLog.account, containsPattern(q.account)));
    if (q.action) conditions.push(ilike(auditLog.action, prefixPattern(q.action)));
    if (q.objectType) conditions.push(eq(auditLog.objectType, q.objectType));
    if (q.objectId) conditions.push(eq(auditLog.objectId, q.objectId));
    if (q.outcome) conditions.push(eq(auditLog.outcome, q.outcome));
    if (q.from) conditions.push(gte(auditLog.at, new Date(q.from)));
    if (q.to) conditions.push(lte(auditLog.at, new Date(q.to)));
    const where = and(...conditions);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
    const rows = await db.select().from(auditLog).where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id, at: r.at.toISOString(), userId: r.userId, account: r.account, ip: r.ip, action: r.action,
        objectType: r.objectType, objectId: r.objectId, summary: r.summary, outcome: r.outcome,
      })),
    };
  });
};

/** A team leader sees what the people of their department did; `own` sees only one's own entries. */
async function scopeCondition(db: Db, principal: Principal): Promise<SQL | undefined> {
  if (principal.dataScope === 'all') return undefined;
  if (principal.dataScope === 'department' && principal.departmentId) {
    const branch = await departmentSubtree(db, principal.departmentId);
    const members = await db.select({ id: users.id }).from(users).where(inArray(users.departmentId, branch));
    return inArray(auditLog.userId, members.map((m) => m.id).concat(principal.userId));
  }
  return eq(auditLog.userId, principal.userId);
}
