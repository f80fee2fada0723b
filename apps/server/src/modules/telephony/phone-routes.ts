import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Ok, PhoneAccount, PhoneAccountInput } from '@rexian/contracts';
import { phoneAccounts, users } from '../../db/schema';
import { AppError, uniqueViolation } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { phoneCredentials } from './phone-credentials';

type Row = typeof phoneAccounts.$inferSelect;

function extensionTaken(error: unknown): never {
  if (uniqueViolation(error) !== undefined) throw new AppError('EXTENSION_TAKEN', [{ field: 'extension', message: '分机号已被占用' }]);
  throw error;
}

/** Phone accounts 分机: what an administrator sets up so a desk phone or softphone can register. */
export const phoneRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, telephony } = app;
  const tags = ['telephony'];
  const realm = app.config.sipRealm;

  const present = async (rows: Row[]): Promise<PhoneAccount[]> => {
    const extensions = rows.map((r) => r.extension);
    const owners = extensions.length === 0 ? [] : await db
      .select({ id: users.id, name: users.name, account: users.account, extension: users.extension })
      .from(users).where(inArray(users.extension, extensions));
    return rows.map((r) => {
      const owner = owners.find((o) => o.extension === r.extension);
      return {
        id: r.id, extension: r.extension, name: r.name, enabled: r.enabled,
        user: owner ? { id: owner.id, name: owner.name, account: owner.account } : null,
        registrations: telephony.registrations(r.extension),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  };
  // What the audit log keeps of a phone: never the digest values.
  const audited = (r: Row) => ({ extension: r.extension, name: r.name, enabled: r.enabled, realm: r.realm });

  app.get('/', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '分机列表（含注册状态） List phone accounts with their registrations', response: { 200: z.array(PhoneAccount) } },
  }, async () => present(await db.select().from(phoneAccounts).orderBy(asc(phoneAccounts.extension))));

  app.post('/', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '新建分机 Create a phone account', body: PhoneAccountInput, response: { 200: PhoneAccount } },
  }, async (request) => {
    const { password, ...fields } = request.body;
    if (!password) throw new AppError('PHONE_PASSWORD_REQUIRED', [{ field: 'password', message: '请设置分机密码' }]);
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(phoneAccounts)
        .values({ ...fields, ...phoneCredentials(fields.extension, password, realm) }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'phone.create', objectType: 'phone', objectId: created!.id, summary: changeSummary(undefined, audited(created!)),
      });
      return created!;
    }).catch(extensionTaken);
    await telephony.reload();
    return (await present([row]))[0]!;
  });

  app.put('/:id', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '修改分机（可重设密码） Update a phone account', params: IdParams, body: PhoneAccountInput, response: { 200: PhoneAccount } },
  }, async (request) => {
    const { id } = request.params;
    const { password, ...fields } = request.body;
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(phoneAccounts).where(eq(phoneAccounts.id, id));
      if (!before) throw new AppError('PHONE_NOT_FOUND');
      // The digest values are bound to the extension and the realm: a new extension needs the password again.
      if (!password && fields.extension !== before.extension) {
        throw new AppError('PHONE_PASSWORD_REQUIRED', [{ field: 'password', message: '修改分机号时需要重设密码' }]);
      }
      const credentials = password ? phoneCredentials(fields.extension, password, realm) : {};
      const [updated] = await tx.update(phoneAccounts)
        .set({ ...fields, ...credentials, updatedAt: new Date() }).where(eq(phoneAccounts.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'phone.update', objectType: 'phone', objectId: id,
        summary: { ...changeSummary(audited(before), audited(updated!)), ...(password ? { passwordChanged: true } : {}) },
      });
      return updated!;
    }).catch(extensionTaken);
    await telephony.reload();
    return (await present([row]))[0]!;
  });

  app.delete('/:id', {
    config: { access: 'telephony.manage' },
    schema: { tags, summary: '删除分机 Delete a phone account', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const [before] = await tx.delete(phoneAccounts).where(eq(phoneAccounts.id, id)).returning();
      if (!before) throw new AppError('PHONE_NOT_FOUND');
      await writeAudit(tx, actorOf(request), {
        action: 'phone.delete', objectType: 'phone', objectId: id, summary: changeSummary(audited(before), undefined),
      });
    });
    await telephony.reload();
    return { ok: true as const };
  });
};
