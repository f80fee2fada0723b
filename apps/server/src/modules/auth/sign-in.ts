/**
 * Sign-in with lock-out: after `security.lockoutThreshold` wrong passwords in a row the account is
 * locked for `security.lockoutMinutes`. Every failure is in the audit log with the reason.
 */
import { eq, sql } from 'drizzle-orm';
import type { ErrorCode } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { writeAudit, type Actor } from '../audit/audit-log';
import { readParameter } from '../parameters/parameter-store';
import { ipInRanges } from './ip-ranges';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { loadPrincipal, type Principal } from './principal';

export interface SignInProps {
  db: Db;
  account: string;
  password: string;
  ip: string;
}

export async function signIn({ db, account, password, ip }: SignInProps): Promise<Principal> {
  const [user] = await db.select().from(users).where(sql`lower(${users.account}) = lower(${account})`);
  const actor: Actor = { userId: user?.id ?? null, account: user?.account ?? account, ip };
  const fail = async (code: ErrorCode, reason: string, extra: Record<string, unknown> = {}): Promise<never> => {
    await writeAudit(db, actor, {
      action: 'auth.login', objectType: 'user', objectId: user?.id, summary: { reason, ...extra },
      outcome: code === 'IP_NOT_ALLOWED' ? 'denied' : 'failed',
    });
    throw new AppError(code);
  };

  if (!user) {
    await verifyAgainstDecoy(password);
    return fail('BAD_CREDENTIALS', 'unknown account');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) return fail('ACCOUNT_LOCKED', 'account locked');

  if (!(await verifyPassword(password, user.passwordHash))) {
    const threshold = await readParameter(db, 'security.lockoutThreshold');
    // Counted in SQL so that parallel attempts cannot each read the same old count.
    const [counted] = await db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins });
    const failures = counted?.failedLogins ?? 0;
    if (failures >= threshold) {
      const minutes = await readParameter(db, 'security.lockoutMinutes');
      const lockedUntil = new Date(Date.now() + minutes * 60_000);
      await db.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, user.id));
      await writeAudit(db, actor, {
        action: 'user.lock', objectType: 'user', objectId: user.id,
        summary: { reason: `${failures} failed sign-ins`, lockedUntil: lockedUntil.toISOString() },
      });
      return fail('ACCOUNT_LOCKED', 'wrong password', { failures });
    }
    return fail('BAD_CREDENTIALS', 'wrong password', { failures });
  }
  if (user.status !== 'active') return fail('ACCOUNT_DISABLED', 'account disabled');

  const principal = await loadPrincipal(db, user.id, 'session');
  if (!principal) return fail('BAD_CREDENTIALS', 'account vanished');
  if (!principal.ipAllowLists.every((list) => ipInRanges(ip, list))) return fail('IP_NOT_ALLOWED', 'ip not allowed');

  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return principal;
}
