/**
 * No one gives more than they have: a caller may grant a role (to a user or a group) only when they
 * hold every right the role grants, so `users.manage` alone cannot make anyone an administrator.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { roles } from '../../db/schema';
import { AppError } from '../../http/app-error';
import type { Principal } from '../auth/principal';

export async function assertMayGrantRoles(db: Db, principal: Principal, roleIds: number[]): Promise<void> {
  if (roleIds.length === 0) return;
  const found = await db.select().from(roles).where(inArray(roles.id, roleIds));
  if (found.length !== new Set(roleIds).size) {
    throw new AppError('ROLE_NOT_FOUND', [{ field: 'roleIds', message: '角色不存在' }]);
  }
  for (const role of found) {
    if (!role.rights.every((right) => principal.rights.has(right as never))) {
      throw new AppError('FORBIDDEN', [{ field: 'roleIds', message: `不能授予超出本人权限的角色：${role.name}` }]);
    }
  }
}
