import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ApiToken, ApiTokenCreated, ApiTokenInput, IdParams, Ok } from '@rexian/contracts';
import { apiTokens } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';
import { TOKEN_PREFIX, digest, newSecret } from '../auth/sessions';

/** API tokens for integrations: each acts as the user who made it, with that user's rights. */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['tokens'];

  const present = (t: typeof apiTokens.$inferSelect): ApiToken => ({
    id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null, expiresAt: t.expiresAt?.toISOString() ?? null,
  });

  app.get('/', {
    config: { access: 'tokens.manage' },
    schema: { tags, summary: '我的 API 令牌 My API tokens', response: { 200: z.array(ApiToken) } },
  }, async (request) => {
    const rows = await db.select().from(apiTokens)
      .where(and(eq(apiTokens.userId, request.principal!.userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.id));
    return rows.map(present);
  });

  app.post('/', {
    config: { access: 'tokens.manage' },
    schema: { tags, summary: '创建 API 令牌 Create an API token', body: ApiTokenInput, response: { 200: ApiTokenCreated } },
  }, async (request) => {
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const { name, expiresInDays } = request.body;
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(apiTokens).values({
        userId: request.principal!.userId, name, prefix: secret.slice(0, 10), tokenHash: digest(secret), expiresAt,
      }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'token.create', objectType: 'token', objectId: row!.id, summary: { after: { name, prefix: row!.prefix, expiresAt } },
      });
      return { ...present(row!), token: secret };
    });
  });

  app.delete('/:id', {
    config: { access: 'tokens.manage' },
    schema: { tags, summary: '吊销 API 令牌 Revoke an API token', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    return db.transaction(async (tx) => {
      const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, request.principal!.userId), isNull(apiTokens.revokedAt)))
        .returning();
      if (!row) throw new AppError('TOKEN_NOT_FOUND');
      await writeAudit(tx, actorOf(request), {
        action: 'token.revoke', objectType: 'token', objectId: id, summary: { before: { name: row.name, prefix: row.prefix } },
      });
      return { ok: true as const };
    });
  });
};
