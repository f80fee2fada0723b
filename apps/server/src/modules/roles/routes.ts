import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Ok, RIGHTS, Role, RoleInput, type Right } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { groupRoles, roles, userRoles } from '../../db/schema';
import { AppError, nameTaken } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { checkIpRanges } from '../auth/ip-ranges';
import type { Principal } from '../auth/principal';

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['roles'];

  app.get('/', {
    // Assigning roles on the users page, or editing them on the roles page.
    config: { access: ['users.view', 'roles.manage'] },
    schema: { tags, summary: '角色列表 List roles', response: { 200: z.array(Role) } },
  }, async () => presentRoles(db, await db.select().from(roles).orderBy(asc(roles.id))));

  app.post('/', {
    config: { access: 'roles.manage' },
    schema: { tags, summary: '新建角色 Create a role', body: RoleInput, response: { 200: Role } },
  }, async (request) => {
    const input = request.body;
    checkRoleInput(request.principal!, input);
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(roles).values({ ...input, description: input.description ?? null }).returning();
      const [presented] = await presentRoles(tx, [row!]);
      await writeAudit(tx, actorOf(request), {
        action: 'role.create', objectType: 'role', objectId: row!.id, summary: changeSummary(undefined, presented),
      });
      return presented!;
    }).catch(nameTaken);
  });

  app.put('/:id', {
    config: { access: 'roles.manage' },
    schema: { tags, summary: '修改角色 Update a role', params: IdParams, body: RoleInput, response: { 200: Role } },
  }, async (request) => {
    const { id } = request.params;
    const input = request.body;
    checkRoleInput(request.principal!, input);
    return db.transaction(async (tx) => {
      const [existing] = await tx.select().from(roles).where(eq(roles.id, id));
      if (!existing) throw new AppError('ROLE_NOT_FOUND');
      const [row] = await tx.update(roles).set({ ...input, description: input.description ?? null }).where(eq(roles.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'role.update', objectType: 'role', objectId: id, summary: changeSummary(existing, row),
      });
      return (await presentRoles(tx, [row!]))[0]!;
    }).catch(nameTaken);
  });

  app.delete('/:id', {
    config: { access: 'roles.manage' },
    schema: { tags, summary: '删除角色 Delete a role', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    return db.transaction(async (tx) => {
      const [existing] = await tx.select().from(roles).where(eq(roles.id, id));
      if (!existing) throw new AppError('ROLE_NOT_FOUND');
      const [{ n: byUsers } = { n: 0 }] = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, id));
      const [{ n: byGroups } = { n: 0 }] = await tx.select({ n: count() }).from(groupRoles).where(eq(groupRoles.roleId, id));
      if (byUsers + byGroups > 0) throw new AppError('ROLE_IN_USE');
      await tx.delete(roles).where(eq(roles.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'role.delete', objectType: 'role', objectId: id, summary: changeSummary(existing, undefined),
      });
      return { ok: true as const };
    });
  });
};

/** IP ranges must parse; and a role may not hold rights its author lacks (no self-promotion). */
function checkRoleInput(principal: Principal, input: { rights: Right[]; allowedIps: string[] }): void {
  checkIpRanges(input.allowedIps, 'allowedIps');
  const beyond = input.rights.filter((r) => !principal.rights.has(r));
  if (beyond.length) throw new AppError('FORBIDDEN', [{ field: 'rights', message: `不能授予本人没有的权限：${beyond.join(', ')}` }]);
}

async function presentRoles(db: Db, rows: (typeof roles.$inferSelect)[]): Promise<Role[]> {
  const counts = await db.select({ roleId: userRoles.roleId, n: count() }).from(userRoles).groupBy(userRoles.roleId);
  const byRole = new Map(counts.map((c) => [c.roleId, c.n]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    rights: r.rights.filter((x): x is Right => x in RIGHTS),
    dataScope: r.dataScope,
    allowedIps: r.allowedIps,
    userCount: byRole.get(r.id) ?? 0,
  }));
}
