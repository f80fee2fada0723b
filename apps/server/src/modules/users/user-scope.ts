/** The data scope of the caller's roles decides which users they see and may change. */
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../http/app-error';
import type { Principal } from '../auth/principal';
import { departmentSubtree } from '../departments/department-tree';

/** A WHERE condition on users for the caller's scope, or undefined for `all`. */
export async function userScopeCondition(db: Db, principal: Principal): Promise<SQL | undefined> {
  if (principal.dataScope === 'all') return undefined;
  if (principal.dataScope === 'department' && principal.departmentId) {
    return inArray(users.departmentId, await departmentSubtree(db, principal.departmentId));
  }
  return eq(users.id, principal.userId);
}

export async function assertUserInScope(db: Db, principal: Principal, user: { id: number; departmentId: number | null }) {
  if (principal.dataScope === 'all' || user.id === principal.userId) return;
  if (principal.dataScope === 'department' && principal.departmentId && user.departmentId) {
    if ((await departmentSubtree(db, principal.departmentId)).includes(user.departmentId)) return;
  }
  throw new AppError('USER_NOT_FOUND');
}

/** A manager limited to their department may place users only in that department's branch. */
export async function assertMayPlaceInDepartment(db: Db, principal: Principal, departmentId: number | null) {
  if (principal.dataScope === 'all') return;
  if (principal.dataScope === 'department' && principal.departmentId && departmentId) {
    if ((await departmentSubtree(db, principal.departmentId)).includes(departmentId)) return;
  }
  throw new AppError('FORBIDDEN', [{ field: 'departmentId', message: '只能在本人数据范围内的部门中管理用户' }]);
}
