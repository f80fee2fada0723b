/**
 * Which calls a person may see, by the data scope of their roles: `own` — calls they answered;
 * `department` — calls answered in their department's branch, and calls no agent took (abandoned,
 * self-service, voicemail), which belong to the hotline as a whole; `all` — every call.
 */
import { eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { calls, users } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { departmentSubtree } from '../departments/department-tree';

export async function callScopeCondition(db: Db, principal: Principal): Promise<SQL | undefined> {
  if (principal.dataScope === 'all') return undefined;
  if (principal.dataScope === 'department' && principal.departmentId) {
    const branch = await departmentSubtree(db, principal.departmentId);
    const colleagues = db.select({ id: users.id }).from(users).where(inArray(users.departmentId, branch));
    return or(isNull(calls.agentUserId), inArray(calls.agentUserId, colleagues));
  }
  return eq(calls.agentUserId, principal.userId);
}
