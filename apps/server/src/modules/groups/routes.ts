import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { Group, GroupInput, IdParams, Ok } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { groupMembers, groupRoles, groups, users } from '../../db/schema';
import { AppError, nameTaken } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { assertMayGrantRoles } from '../users/role-grant-guard';

export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['groups'];

  app.get('/', {
    config: { access: ['users.view', 'groups.manage'] },
    schema: { tags, summary: '用户组列表 List user groups', response: { 200: z.array(Group) } },
  }, async () => presentGroups(db, await db.select().from(groups).orderBy(asc(groups.name))));

  app.post('/', {
    config: { access: 'groups.manage' },
    schema: { tags, summary: '新建用户组 Create a user group', body: GroupInput, response: { 200: Group } },
  }, async (request) => {
    const { userIds, roleIds, name, description } = request.body;
    await checkMembers(db, userIds);
    await assertMayGrantRoles(db, request.principal!, roleIds);
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(groups).values({ name, description: description ?? null }).returning();
      await setLinks(tx, row!.id, userIds, roleIds);
      const [presented] = await presentGroups(tx, [row!]);
      await writeAudit(tx, actorOf(request), {
        action: 'group.create', objectType: 'group', objectId: row!.id, summary: changeSummary(undefined, presented),
      });
      return presented!;
    }).catch(nameTaken);
  });

  app.put('/:id', {
    config: { access: 'groups.manage' },
    schema: { tags, summary: '修改用户组 Update a user group', params: IdParams, body: GroupInput, response: { 200: Group } },
  }, async (request) => {
    const { id } = request.params;
    const { userIds, roleIds, name, description } = request.body;
    const [existing] = await db.select().from(groups).where(eq(groups.id, id));
    if (!existing) throw new AppError('GROUP_NOT_FOUND');
    const [before] = await presentGroups(db, [existing]);
    await checkMembers(db, userIds);
    // Adding members to a group hands them its roles: the same rule as granting the roles directly.
    await assertMayGrantRoles(db, request.principal!, userIds.some((u) => !before!.userIds.includes(u)) ? roleIds : roleIds.filter((r) => !before!.roleIds.includes(r)));
    return db.transaction(async (tx) => {
      const [row] = await tx.update(groups).set({ name, description: description ?? null }).where(eq(groups.id, id)).returning();
      await setLinks(tx, id, userIds, roleIds);
      const [after] = await presentGroups(tx, [row!]);
      await writeAudit(tx, actorOf(request), {
        action: 'group.update', objectType: 'group', objectId: id, summary: changeSummary(before, after),
      });
      return after!;
    }).catch(nameTaken);
  });

  app.delete('/:id', {
    config: { access: 'groups.manage' },
    schema: { tags, summary: '删除用户组 Delete a user group', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    return db.transaction(async (tx) => {
      const [existing] = await tx.select().from(groups).where(eq(groups.id, id));
      if (!existing) throw new AppError('GROUP_NOT_FOUND');
      const [before] = await presentGroups(tx, [existing]);
      await tx.delete(groups).where(eq(groups.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'group.delete', objectType: 'group', objectId: id, summary: changeSummary(before, undefined),
      });
      return { ok: true as const };
    });
  });
};

async function presentGroups(db: Db, rows: (typeof groups.$inferSelect)[]): Promise<Group[]> {
  const ids = rows.map((g) => g.id);
  const members = ids.length ? await db.select().from(groupMembers).where(inArray(groupMembers.groupId, ids)) : [];
  const granted = ids.length ? await db.select().from(groupRoles).where(inArray(groupRoles.groupId, ids)) : [];
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    userIds: members.filter((m) => m.groupId === g.id).map((m) => m.userId).sort((a, b) => a - b),
    roleIds: granted.filter((r) => r.groupId === g.id).map((r) => r.roleId).sort((a, b) => a - b),
  }));
}

async function checkMembers(db: Db, userIds: number[]): Promise<void> {
  if (!userIds.length) return;
  const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, userIds));
  if (found.length !== new Set(userIds).size) throw new AppError('VALIDATION_FAILED', [{ field: 'userIds', message: '用户不存在' }]);
}

async function setLinks(db: Db, groupId: number, userIds: number[], roleIds: number[]): Promise<void> {
  await db.delete(groupMembers).where(eq(groupMembers.groupId, groupId));
  await db.delete(groupRoles).where(eq(groupRoles.groupId, groupId));
  const u = [...new Set(userIds)];
  const r = [...new Set(roleIds)];
  if (u.length) await db.insert(groupMembers).values(u.map((userId) => ({ groupId, userId })));
  if (r.length) await db.insert(groupRoles).values(r.map((roleId) => ({ groupId, roleId })));
}
