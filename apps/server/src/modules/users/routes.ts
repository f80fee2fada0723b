import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { IdParams, Ok, PasswordReset, User, UserCreate, UserInput, UserQuery, pageOf } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { containsPattern } from '../../db/like-pattern';
import { groupMembers, userRoles, users } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { assertStrongPassword, hashPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import { endUserSessions } from '../auth/sessions';
import { readParameter } from '../parameters/parameter-store';
import { assertMayGrantRoles } from './role-grant-guard';
import { checkUserReferences, explainUserConflict } from './user-input-checks';
import { presentUsers } from './user-presenter';
import { assertMayPlaceInDepartment, assertUserInScope, userScopeCondition } from './user-scope';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['users'];

  app.get('/', {
    config: { access: 'users.view' },
    schema: { tags, summary: '用户列表 List users', querystring: UserQuery, response: { 200: pageOf(User) } },
  }, async (request) => {
    const { q, departmentId, status, page, pageSize } = request.query;
    const conditions: (SQL | undefined)[] = [await userScopeCondition(db, request.principal!)];
    if (q) {
      const like = containsPattern(q);
      conditions.push(or(ilike(users.account, like), ilike(users.name, like), ilike(users.extension, like)));
    }
    if (departmentId) conditions.push(eq(users.departmentId, departmentId));
    if (status) conditions.push(eq(users.status, status));
    const where = and(...conditions);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
    const rows = await db.select().from(users).where(where).orderBy(asc(users.account)).limit(pageSize).offset((page - 1) * pageSize);
    return { items: await presentUsers(db, rows), total };
  });

  app.get('/:id', {
    config: { access: 'users.view' },
    schema: { tags, summary: '用户详情 Get a user', params: IdParams, response: { 200: User } },
  }, async (request) => {
    const row = await mustFindInScope(db, request.principal!, request.params.id);
    return (await presentUsers(db, [row]))[0]!;
  });

  app.post('/', {
    config: { access: 'users.manage' },
    schema: { tags, summary: '新建用户 Create a user', body: UserCreate, response: { 200: User } },
  }, async (request) => {
    const { password, roleIds, groupIds, ...fields } = request.body;
    const principal = request.principal!;
    assertStrongPassword(password, await readParameter(db, 'security.passwordMinLength'));
    await checkUserReferences(db, request.body);
    await assertMayGrantRoles(db, principal, roleIds);
    await assertMayPlaceInDepartment(db, principal, fields.departmentId);
    const passwordHash = await hashPassword(password);
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ ...fields, extension: fields.extension ?? null, email: fields.email ?? null, mobile: fields.mobile ?? null, passwordHash })
        .returning();
      await setLinks(tx, created!.id, roleIds, groupIds);
      const [presented] = await presentUsers(tx, [created!]);
      await writeAudit(tx, actorOf(request), {
        action: 'user.create', objectType: 'user', objectId: created!.id, summary: changeSummary(undefined, presented),
      });
      return presented!;
    }).catch(explainUserConflict);
    return row;
  });

  app.put('/:id', {
    config: { access: 'users.manage' },
    schema: { tags, summary: '修改用户 Update a user', params: IdParams, body: UserInput, response: { 200: User } },
  }, async (request) => {
    const { id } = request.params;
    const principal = request.principal!;
    const { roleIds, groupIds, ...fields } = request.body;
    const existing = await mustFindInScope(db, principal, id);
    const [before] = await presentUsers(db, [existing]);
    if (id === principal.userId && fields.status !== 'active') throw new AppError('CANNOT_CHANGE_SELF');
    await checkUserReferences(db, request.body);
    await assertMayGrantRoles(db, principal, roleIds.filter((r) => !before!.roleIds.includes(r)));
    await assertMayPlaceInDepartment(db, principal, fields.departmentId);
    const saved = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(users)
        .set({ ...fields, extension: fields.extension ?? null, email: fields.email ?? null, mobile: fields.mobile ?? null })
        .where(eq(users.id, id))
        .returning();
      await setLinks(tx, id, roleIds, groupIds);
      if (updated!.status !== 'active') await endUserSessions(tx, id);
      const [after] = await presentUsers(tx, [updated!]);
      await writeAudit(tx, actorOf(request), {
        action: 'user.update', objectType: 'user', objectId: id, summary: changeSummary(before, after),
      });
      return after!;
    }).catch(explainUserConflict);
    // A changed extension, name or status changes who the switch's queues can ring.
    await app.switchboard.reload();
    return saved;
  });

  app.post('/:id/password', {
    config: { access: 'users.manage' },
    schema: { tags, summary: '管理员重置密码 Reset a password', params: IdParams, body: PasswordReset, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    const user = await mustFindInScope(db, request.principal!, id);
    assertStrongPassword(request.body.password, await readParameter(db, 'security.passwordMinLength'));
    const passwordHash = await hashPassword(request.body.password);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
      // Whoever knew the old password is signed out everywhere.
      if (id !== request.principal!.userId) await endUserSessions(tx, id);
      await writeAudit(tx, actorOf(request), {
        action: 'user.password.reset', objectType: 'user', objectId: id, summary: { account: user.account },
      });
    });
    return { ok: true as const };
  });

  app.post('/:id/unlock', {
    config: { access: 'users.manage' },
    schema: { tags, summary: '解除锁定 Unlock an account', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    const user = await mustFindInScope(db, request.principal!, id);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'user.unlock', objectType: 'user', objectId: id,
        summary: { account: user.account, lockedUntil: user.lockedUntil?.toISOString() ?? null },
      });
    });
    return { ok: true as const };
  });
};

async function mustFindInScope(db: Db, principal: Principal, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new AppError('USER_NOT_FOUND');
  await assertUserInScope(db, principal, row);
  return row;
}

async function setLinks(db: Db, userId: number, roleIds: number[], groupIds: number[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  await db.delete(groupMembers).where(eq(groupMembers.userId, userId));
  const uniqueRoles = [...new Set(roleIds)];
  const uniqueGroups = [...new Set(groupIds)];
  if (uniqueRoles.length) await db.insert(userRoles).values(uniqueRoles.map((roleId) => ({ userId, roleId })));
  if (uniqueGroups.length) await db.insert(groupMembers).values(uniqueGroups.map((groupId) => ({ userId, groupId })));
}
