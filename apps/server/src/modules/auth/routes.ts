import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { LoginInput, Me, Ok, PasswordChange, SESSION_COOKIE } from '@rexian/contracts';
import { users } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';
import { readParameter } from '../parameters/parameter-store';
import { presentMe } from './me-presenter';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords';
import { createSession, endSession, endUserSessions } from './sessions';
import { signIn } from './sign-in';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post('/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginInput, response: { 200: Me } },
  }, async (request, reply) => {
    const principal = await signIn({ db, ...request.body, ip: request.ip });
    const hours = await readParameter(db, 'security.sessionHours');
    const session = await createSession(db, {
      userId: principal.userId, ip: request.ip, userAgent: request.headers['user-agent'], hours,
    });
    await writeAudit(db, { userId: principal.userId, account: principal.account, ip: request.ip }, {
      action: 'auth.login', objectType: 'user', objectId: principal.userId,
    });
    reply.setCookie(SESSION_COOKIE, session.secret, {
      httpOnly: true, sameSite: 'strict', path: '/', secure: app.config.secureCookies, expires: session.expiresAt,
    });
    return presentMe(db, principal, session.csrfToken);
  });

  app.post('/logout', {
    config: { access: 'signedIn' },
    schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 200: Ok } },
  }, async (request, reply) => {
    const principal = request.principal!;
    if (principal.sessionId) await endSession(db, principal.sessionId);
    await writeAudit(db, actorOf(request), { action: 'auth.logout', objectType: 'user', objectId: principal.userId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', {
    config: { access: 'signedIn' },
    schema: { tags: ['auth'], summary: '当前用户 The signed-in user', response: { 200: Me } },
  }, async (request) => presentMe(db, request.principal!, request.principal!.csrfToken ?? ''));

  app.post('/password', {
    config: { access: 'signedIn' },
    schema: { tags: ['auth'], summary: '修改本人密码 Change my password', body: PasswordChange, response: { 200: Ok } },
  }, async (request) => {
    const principal = request.principal!;
    const { oldPassword, newPassword } = request.body;
    const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
    if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
      await writeAudit(db, actorOf(request), {
        action: 'user.password.change', objectType: 'user', objectId: principal.userId, outcome: 'failed',
        summary: { reason: 'wrong current password' },
      });
      throw new AppError('WRONG_PASSWORD', [{ field: 'oldPassword', message: '原密码不正确' }]);
    }
    assertStrongPassword(newPassword, await readParameter(db, 'security.passwordMinLength'));
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, principal.userId));
      // Sessions elsewhere (a forgotten browser, a thief) end; this one stays signed in.
      await endUserSessions(tx, principal.userId, principal.sessionId);
      await writeAudit(tx, actorOf(request), { action: 'user.password.change', objectType: 'user', objectId: principal.userId });
    });
    return { ok: true as const };
  });
};
