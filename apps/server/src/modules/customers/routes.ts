import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  Customer, CustomerInput, CustomerLookup, CustomerQuery, IdParams, Interaction, InteractionInput, Ok, TimelineEntry, pageOf,
} from '@rexian/contracts';
import { customers, interactions } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { customersWithNumber, presentCustomer, presentInteractions, saveCustomer, searchCustomers, timelineOf } from './customer-store';

/**
 * Customers 客户管理 (CRM-1, CRM-2) and interaction records 服务记录. A customer's blacklist flag and
 * VIP level feed the switch's caller lists, so every change reloads the switch's configuration.
 */
export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['customers'];

  const find = async (id: number) => {
    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    if (!row) throw new AppError('CUSTOMER_NOT_FOUND');
    return row;
  };

  app.get('/', {
    config: { access: 'customers.view' },
    schema: { tags, summary: '客户查询 Search customers by number, name or account', querystring: CustomerQuery, response: { 200: pageOf(Customer) } },
  }, async (request) => {
    const { q, page, pageSize } = request.query;
    const { rows, total } = await searchCustomers(db, q, page, pageSize);
    return { items: rows.map(presentCustomer), total };
  });

  // The screen pop: who has this number, and what happened with them lately.
  app.get('/lookup', {
    config: { access: ['customers.view', 'cti.agent'] },
    schema: {
      tags, summary: '来电弹屏 Look a caller number up', querystring: z.object({ number: z.string().trim().min(1).max(40) }), response: { 200: CustomerLookup },
    },
  }, async (request) => {
    const [first, ...rest] = await customersWithNumber(db, request.query.number);
    return {
      customer: first ? presentCustomer(first) : null,
      others: rest.map((c) => ({ id: c.id, name: c.name })),
      recent: first ? await timelineOf(db, first, 5) : [],
    };
  });

  app.get('/:id', {
    config: { access: 'customers.view' },
    schema: { tags, summary: '客户资料 A customer', params: IdParams, response: { 200: Customer } },
  }, async (request) => presentCustomer(await find(request.params.id)));

  app.get('/:id/timeline', {
    config: { access: 'customers.view' },
    schema: { tags, summary: '客户接触历史 Calls and interaction records of a customer', params: IdParams, response: { 200: z.array(TimelineEntry) } },
  }, async (request) => timelineOf(db, await find(request.params.id)));

  app.post('/', {
    config: { access: 'customers.manage' },
    schema: { tags, summary: '新建客户 Create a customer', body: CustomerInput, response: { 200: Customer } },
  }, async (request) => {
    const created = await db.transaction(async (tx) => {
      const row = await saveCustomer(tx, request.body);
      await writeAudit(tx, actorOf(request), { action: 'customer.create', objectType: 'customer', objectId: row.id, summary: changeSummary(undefined, presentCustomer(row)) });
      return presentCustomer(row);
    });
    await app.switchboard.reload();
    return created;
  });

  app.put('/:id', {
    config: { access: 'customers.manage' },
    schema: { tags, summary: '修改客户 Update a customer', params: IdParams, body: CustomerInput, response: { 200: Customer } },
  }, async (request) => {
    const before = presentCustomer(await find(request.params.id));
    const updated = await db.transaction(async (tx) => {
      const row = await saveCustomer(tx, request.body, request.params.id);
      await writeAudit(tx, actorOf(request), { action: 'customer.update', objectType: 'customer', objectId: row.id, summary: changeSummary(before, presentCustomer(row)) });
      return presentCustomer(row);
    });
    await app.switchboard.reload();
    return updated;
  });

  app.delete('/:id', {
    config: { access: 'customers.manage' },
    schema: { tags, summary: '删除客户 Delete a customer', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const before = presentCustomer(await find(request.params.id));
    await db.transaction(async (tx) => {
      await tx.delete(customers).where(eq(customers.id, request.params.id));
      await writeAudit(tx, actorOf(request), { action: 'customer.delete', objectType: 'customer', objectId: before.id, summary: changeSummary(before, undefined) });
    });
    await app.switchboard.reload();
    return { ok: true as const };
  });
};

/** Interaction records 服务记录, written by agents during or after a call. */
export const interactionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['customers'];

  app.get('/', {
    config: { access: ['customers.view', 'cti.agent'] },
    schema: {
      tags, summary: '服务记录 Interaction records of a call or a customer',
      querystring: z.object({ callId: z.string().max(100).optional(), customerId: z.coerce.number().int().optional() }), response: { 200: z.array(Interaction) },
    },
  }, async (request) => {
    const { callId, customerId } = request.query;
    if (callId === undefined && customerId === undefined) return [];
    return presentInteractions(db, and(callId === undefined ? undefined : eq(interactions.callId, callId), customerId === undefined ? undefined : eq(interactions.customerId, customerId)));
  });

  app.post('/', {
    config: { access: ['cti.agent', 'customers.manage'] },
    schema: { tags, summary: '记录服务 Record an interaction', body: InteractionInput, response: { 200: Interaction } },
  }, async (request) => {
    const { customerId } = request.body;
    const [customer] = customerId === null ? [] : await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId));
    if (customerId !== null && !customer) throw new AppError('CUSTOMER_NOT_FOUND');
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(interactions).values({ ...request.body, agentUserId: request.principal!.userId }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'interaction.create', objectType: 'interaction', objectId: row!.id, summary: { kind: row!.kind, callId: row!.callId, customerId: row!.customerId },
      });
      const [presented] = await presentInteractions(tx, eq(interactions.id, row!.id), 1);
      return presented!;
    });
  });
};
