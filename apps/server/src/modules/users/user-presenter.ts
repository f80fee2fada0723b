import { inArray } from 'drizzle-orm';
import type { User } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { groupMembers, userRoles, type users } from '../../db/schema';

type UserRow = typeof users.$inferSelect;

/** Exactly the fields of a user that leave the server: never the password hash. */
export async function presentUsers(db: Db, rows: UserRow[]): Promise<User[]> {
  const ids = rows.map((u) => u.id);
  const roleLinks = ids.length ? await db.select().from(userRoles).where(inArray(userRoles.userId, ids)) : [];
  const groupLinks = ids.length ? await db.select().from(groupMembers).where(inArray(groupMembers.userId, ids)) : [];
  const now = new Date();
  return rows.map((u) => ({
    id: u.id,
    account: u.account,
    name: u.name,
    departmentId: u.departmentId,
    extension: u.extension,
    email: u.email,
    mobile: u.mobile,
    status: u.status,
    locked: Boolean(u.lockedUntil && u.lockedUntil > now),
    roleIds: roleLinks.filter((l) => l.userId === u.id).map((l) => l.roleId).sort((a, b) => a - b),
    groupIds: groupLinks.filter((l) => l.userId === u.id).map((l) => l.groupId).sort((a, b) => a - b),
    allowedIps: u.allowedIps,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}
