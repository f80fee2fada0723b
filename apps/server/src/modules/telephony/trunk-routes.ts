import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Ok, Trunk, TrunkInput } from '@rexian/contracts';
import { trunks } from '../../db/schema';
import { AppError, nameTaken } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { checkIpRanges } from '../auth/ip-ranges';

type Row = typeof trunks.$inferSelect;

/** Trunks 中继: the carriers and gateways calls come in through. */
export const trunkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, telephony } = app;
  const tags = ['telephony'];
  const present = (t: Row): Trunk => ({
    id: t.id, name: t.name, kind: t.kind, enabled: t.enabled, addresses: t.addresses, registrar: t.registrar,
    username: t.username, hasPassword: Boolean(t.password), inboundNumbers: t.inboundNumbers,
    status: t.kind === 'register' ? telephony.trunkStatus(t.id) : null, updatedAt: t.updatedAt.toISOString(),
  });
  // The audit log keeps what changed, with the password masked (changeSummary knows `password`).
  const audited = ({ createdAt: _c, updatedAt: _u, ...t }: Row) => t;
  const fieldsOf = (input: z.output<typeof TrunkInput>) => {
    checkIpRanges(input.addresses, 'addresses');
    const { password: _password, ...rest } = input;
    // A peer is trusted by address only; keep no registration details that would never be used.
    return rest.kind === 'peer' ? { ...rest, registrar: null, username: null, password: null } : rest;
  };

  app.get('/', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '中继列表 List trunks', response: { 200: z.array(Trunk) } },
  }, async () => (await db.select().from(trunks).orderBy(asc(trunks.name))).map(present));

  app.post('/', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '新建中继 Create a trunk', body: TrunkInput, response: { 200: Trunk } },
  }, async (request) => {
    const fields = fieldsOf(request.body);
    const password = fields.kind === 'register' ? request.body.password : null;
    if (fields.kind === 'register' && !password) {
      throw new AppError('TRUNK_PASSWORD_REQUIRED', [{ field: 'password', message: '请填写注册密码' }]);
    }
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(trunks).values({ ...fields, password }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'trunk.create', objectType: 'trunk', objectId: created!.id, summary: changeSummary(undefined, audited(created!)),
      });
      return created!;
    }).catch(nameTaken);
    await telephony.reload();
    return present(row);
  });

  app.put('/:id', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '修改中继 Update a trunk', params: IdParams, body: TrunkInput, response: { 200: Trunk } },
  }, async (request) => {
    const { id } = request.params;
    const fields = fieldsOf(request.body);
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(trunks).where(eq(trunks.id, id));
      if (!before) throw new AppError('TRUNK_NOT_FOUND');
      const password = fields.kind === 'register' ? (request.body.password || before.password) : null;
      if (fields.kind === 'register' && !password) {
        throw new AppError('TRUNK_PASSWORD_REQUIRED', [{ field: 'password', message: '请填写注册密码' }]);
      }
      const [updated] = await tx.update(trunks).set({ ...fields, password, updatedAt: new Date() }).where(eq(trunks.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'trunk.update', objectType: 'trunk', objectId: id, summary: changeSummary(audited(before), audited(updated!)),
      });
      return updated!;
    }).catch(nameTaken);
    await telephony.reload();
    return present(row);
  });

  app.delete('/:id', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '删除中继 Delete a trunk', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const [before] = await tx.delete(trunks).where(eq(trunks.id, id)).returning();
      if (!before) throw new AppError('TRUNK_NOT_FOUND');
      await writeAudit(tx, actorOf(request), {
        action: 'trunk.delete', objectType: 'trunk', objectId: id, summary: changeSummary(audited(before), undefined),
      });
    });
    await telephony.reload();
    return { ok: true as const };
  });
};
