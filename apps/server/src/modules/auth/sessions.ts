/**
 * Browser sessions and API tokens. Only SHA-256 digests of the secrets are stored, so a copy of the
 * database does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { apiTokens, sessions } from '../../db/schema';

export const TOKEN_PREFIX = 'rxt_';

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface NewSession { secret: string; csrfToken: string; expiresAt: Date }

export async function createSession(
  db: Db,
  props: { userId: number; ip: string; userAgent?: string; hours: number },
): Promise<NewSession> {
  const secret = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(Date.now() + props.hours * 3600_000);
  await db.insert(sessions).values({
    id: digest(secret), userId: props.userId, csrfToken, ip: props.ip, userAgent: props.userAgent?.slice(0, 300), expiresAt,
  });
  // Expired sessions of anyone are swept on each sign-in; it keeps the table small without a timer.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { secret, csrfToken, expiresAt };
}

export async function findSession(db: Db, secret: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, digest(secret)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a user out everywhere: after a password reset, a disable, a lock. */
export async function endUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined));
}

export async function findApiToken(db: Db, secret: string) {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, digest(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
      ),
    );
  return row;
}
