import { eq } from 'drizzle-orm';
import type { Me } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { departments } from '../../db/schema';
import { readParameter } from '../parameters/parameter-store';
import type { Principal } from './principal';

export async function presentMe(db: Db, principal: Principal, csrfToken: string): Promise<Me> {
  const [department] = principal.departmentId
    ? await db.select({ name: departments.name }).from(departments).where(eq(departments.id, principal.departmentId))
    : [];
  return {
    id: principal.userId,
    account: principal.account,
    name: principal.name,
    departmentId: principal.departmentId,
    departmentName: department?.name ?? null,
    extension: principal.extension,
    rights: [...principal.rights].sort(),
    dataScope: principal.dataScope,
    systemName: await readParameter(db, 'system.name'),
    csrfToken,
  };
}
