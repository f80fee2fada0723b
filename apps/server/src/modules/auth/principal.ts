/**
 * The signed-in caller of a request: who they are and what their roles allow, gathered from the
 * roles given to them directly and through their user groups.
 */
import { eq, inArray, or } from 'drizzle-orm';
import { ALL_RIGHTS, DATA_SCOPES, type DataScope, type Right } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { groupMembers, groupRoles, roles, userRoles, users } from '../../db/schema';

export interface Principal {
  userId: number;
  account: string;
  name: string;
  departmentId: number | null;
  extension: string | null;
  status: 'active' | 'disabled';
  rights: ReadonlySet<Right>;
  /** The widest data scope of the caller's roles. */
  dataScope: DataScope;
  /** Every allow-list that applies (the user's own and each restricting role's); the IP must be in all. */
  ipAllowLists: string[][];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

const KNOWN_RIGHTS = new Set<string>(ALL_RIGHTS);

export async function loadPrincipal(db: Db, userId: number, via: Principal['via']): Promise<Principal | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  const granted = await rolesOf(db, userId);
  const rights = new Set<Right>();
  let scope = 0;
  const ipAllowLists: string[][] = user.allowedIps.length ? [user.allowedIps] : [];
  for (const role of granted) {
    for (const right of role.rights) if (KNOWN_RIGHTS.has(right)) rights.add(right as Right);
    scope = Math.max(scope, DATA_SCOPES.indexOf(role.dataScope));
    if (role.allowedIps.length) ipAllowLists.push(role.allowedIps);
  }
  return {
    userId: user.id,
    account: user.account,
    name: user.name,
    departmentId: user.departmentId,
    extension: user.extension,
    status: user.status,
    rights,
    dataScope: DATA_SCOPES[scope] ?? 'own',
    ipAllowLists,
    via,
  };
}

/** The user's roles, given directly and through their groups, in one query (this runs on every request). */
function rolesOf(db: Db, userId: number) {
  const direct = db.select({ id: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, userId));
  const viaGroups = db
    .select({ id: groupRoles.roleId })
    .from(groupRoles)
    .innerJoin(groupMembers, eq(groupMembers.groupId, groupRoles.groupId))
    .where(eq(groupMembers.userId, userId));
  return db.select().from(roles).where(or(inArray(roles.id, direct), inArray(roles.id, viaGroups)));
}
