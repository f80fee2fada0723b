import { eq, inArray } from 'drizzle-orm';
import type { FieldError } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { departments, groups } from '../../db/schema';
import { AppError, uniqueViolation } from '../../http/app-error';
import { invalidIpRanges } from '../auth/ip-ranges';

/** Checks that the schema alone cannot make: ranges that really parse, references that exist. */
export async function checkUserReferences(
  db: Db,
  input: { departmentId?: number | null; groupIds?: number[]; allowedIps?: string[] },
): Promise<void> {
  const fields: FieldError[] = invalidIpRanges(input.allowedIps, 'allowedIps');
  if (input.departmentId) {
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) fields.push({ field: 'departmentId', message: '部门不存在' });
  }
  if (input.groupIds?.length) {
    const found = await db.select({ id: groups.id }).from(groups).where(inArray(groups.id, input.groupIds));
    if (found.length !== new Set(input.groupIds).size) fields.push({ field: 'groupIds', message: '用户组不存在' });
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', fields);
}

/** Turns a unique-index violation into the error a person understands. */
export function explainUserConflict(error: unknown): never {
  const constraint = uniqueViolation(error);
  if (constraint === 'users_account_key') throw new AppError('ACCOUNT_TAKEN', [{ field: 'account', message: '账号已存在' }]);
  if (constraint === 'users_extension_key') throw new AppError('EXTENSION_TAKEN', [{ field: 'extension', message: '分机号已被占用' }]);
  throw error;
}
