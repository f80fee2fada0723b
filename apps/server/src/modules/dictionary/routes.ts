import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DictionaryItem, DictionaryItemInput, DictionaryType, DictionaryTypeInput, IdParams, Ok } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { dictionaryItems, dictionaryTypes } from '../../db/schema';
import { AppError, uniqueViolation } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';

const CodeParams = z.object({ code: z.string().min(1).max(50) });

/** The data dictionary: typed lists people edit (ticket categories, not-ready reasons …). */
export const dictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['dictionary'];

  app.get('/types', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '字典类型 List dictionary types', response: { 200: z.array(DictionaryType) } },
  }, async () => {
    const types = await db.select().from(dictionaryTypes).orderBy(asc(dictionaryTypes.code));
    const counts = await db.select({ code: dictionaryItems.typeCode, n: count() }).from(dictionaryItems).groupBy(dictionaryItems.typeCode);
    const byCode = new Map(counts.map((c) => [c.code, c.n]));
    return types.map((t) => ({ code: t.code, name: t.name, description: t.description, itemCount: byCode.get(t.code) ?? 0 }));
  });

  app.post('/types', {
    config: { access: 'dictionary.manage' },
    schema: { tags, summary: '新建字典类型 Create a dictionary type', body: DictionaryTypeInput, response: { 200: DictionaryType } },
  }, async (request) => {
    const { code, name, description } = request.body;
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(dictionaryTypes).values({ code, name, description: description ?? null }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'dictionary.type.create', objectType: 'dictionary_type', objectId: code, summary: changeSummary(undefined, row),
      });
      return { code, name, description: row!.description, itemCount: 0 };
    }).catch((error) => {
      if (uniqueViolation(error) !== undefined) throw new AppError('NAME_TAKEN', [{ field: 'code', message: '编码已存在' }]);
      throw error;
    });
  });

  app.put('/types/:code', {
    config: { access: 'dictionary.manage' },
    schema: { tags, summary: '修改字典类型 Update a dictionary type', params: CodeParams, body: DictionaryTypeInput, response: { 200: DictionaryType } },
  }, async (request) => {
    const { code } = request.params;
    const { name, description } = request.body;
    return db.transaction(async (tx) => {
      const before = await mustFindType(tx, code);
      const [row] = await tx.update(dictionaryTypes).set({ name, description: description ?? null }).where(eq(dictionaryTypes.code, code)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'dictionary.type.update', objectType: 'dictionary_type', objectId: code, summary: changeSummary(before, row),
      });
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(dictionaryItems).where(eq(dictionaryItems.typeCode, code));
      return { code, name: row!.name, description: row!.description, itemCount: n };
    });
  });

  app.delete('/types/:code', {
    config: { access: 'dictionary.manage' },
    schema: { tags, summary: '删除字典类型及其字典项 Delete a dictionary type and its items', params: CodeParams, response: { 200: Ok } },
  }, async (request) => {
    const { code } = request.params;
    return db.transaction(async (tx) => {
      const before = await mustFindType(tx, code);
      const items = await tx.select().from(dictionaryItems).where(eq(dictionaryItems.typeCode, code));
      await tx.delete(dictionaryTypes).where(eq(dictionaryTypes.code, code));
      await writeAudit(tx, actorOf(request), {
        action: 'dictionary.type.delete', objectType: 'dictionary_type', objectId: code,
        summary: { before: { ...before, items: items.map((i) => `${i.value}=${i.label}`) } },
      });
      return { ok: true as const };
    });
  });

  app.get('/types/:code/items', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '字典项 List the items of a type', params: CodeParams, response: { 200: z.array(DictionaryItem) } },
  }, async (request) => {
    await mustFindType(db, request.params.code);
    const rows = await db.select().from(dictionaryItems).where(eq(dictionaryItems.typeCode, request.params.code))
      .orderBy(asc(dictionaryItems.sort), asc(dictionaryItems.id));
    return rows.map(presentItem);
  });

  app.post('/types/:code/items', {
    config: { access: 'dictionary.manage' },
    schema: { tags, summary: '新建字典项 Add an item', params: CodeParams, body: DictionaryItemInput, response: { 200: DictionaryItem } },
  }, async (request) => {
    const { code } = request.params;
    return db.transaction(async (tx) => {
      await mustFindType(tx, code);
      const [row] = await tx.insert(dictionaryItems).values({ ...request.body, typeCode: code }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'dictionary.item.create', objectType: 'dictionary_item', objectId: row!.id, summary: changeSummary(undefined, presentItem(row!)),
      });
      return presentItem(row!);
    }).catch(valueTaken);
  });

  app.put('/items/:id', {
    config: { access: 'dictionary.manage' },
    schema: { tags, summary: '修改字典项 Update an item', params: IdParams, body: DictionaryItemInput, response: { 200: DictionaryItem } },
  }, async (request) => {
    const { id } = request.params;
    return db.transaction(async (tx) => {
      const before = await mustFindItem(tx, id);
      const [row] = await tx.update(dictionaryItems).set(request.body).where(eq(dictionaryItems.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'dictionary.item.update', objectType: 'dictionary_item', objectId: id,
        summary: changeSummary(presentItem(before), presentItem(row!)),
      });
      return presentItem(row!);
    }).catch(valueTaken);
  });

  app.delete('/items/:id', {
    config: { access: 'dictionary.manage' },
    schema: { tags, summary: '删除字典项 Delete an item', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    return db.transaction(async (tx) => {
      const before = await mustFindItem(tx, id);
      await tx.delete(dictionaryItems).where(eq(dictionaryItems.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'dictionary.item.delete', objectType: 'dictionary_item', objectId: id, summary: changeSummary(presentItem(before), undefined),
      });
      return { ok: true as const };
    });
  });
};

function presentItem(row: typeof dictionaryItems.$inferSelect): DictionaryItem {
  return { id: row.id, type: row.typeCode, value: row.value, label: row.label, sort: row.sort, enabled: row.enabled };
}

async function mustFindType(db: Db, code: string) {
  const [row] = await db.select().from(dictionaryTypes).where(eq(dictionaryTypes.code, code));
  if (!row) throw new AppError('DICTIONARY_TYPE_NOT_FOUND');
  return row;
}

async function mustFindItem(db: Db, id: number) {
  const [row] = await db.select().from(dictionaryItems).where(eq(dictionaryItems.id, id));
  if (!row) throw new AppError('DICTIONARY_ITEM_NOT_FOUND');
  return row;
}

function valueTaken(error: unknown): never {
  if (uniqueViolation(error) !== undefined) throw new AppError('DICTIONARY_VALUE_TAKEN', [{ field: 'value', message: '值已存在' }]);
  throw error;
}
