/**
 * Reading and writing customer records: the row with its JSON parts, the phone index the screen pop
 * looks numbers up in, the search text, and the timeline of calls and interaction records.
 */
import { desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Customer, CustomerInput, Interaction, TimelineEntry } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { containsPattern } from '../../db/like-pattern';
import { calls, customerPhones, customers, interactions, users } from '../../db/schema';

type CustomerRow = typeof customers.$inferSelect;
/** A customer as the route received it (defaults filled in). */
type Parsed = z.output<typeof CustomerInput>;

export const presentCustomer = (row: CustomerRow): Customer => ({
  id: row.id, name: row.name, kind: row.kind, phones: row.phones, addresses: row.addresses, accounts: row.accounts, tags: row.tags,
  vipLevel: row.vipLevel, blacklisted: row.blacklisted, note: row.note, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
});

/** What the search box matches: the name, every number, every account number. */
function searchTextOf(input: Parsed): string {
  return [input.name, ...input.phones.map((p) => p.number), ...input.accounts.map((a) => a.accountNo)].join(' ').toLowerCase();
}

export async function saveCustomer(db: Db, input: Parsed, id?: number): Promise<CustomerRow> {
  const values = { ...input, searchText: searchTextOf(input), updatedAt: new Date() };
  const [row] = id === undefined
    ? await db.insert(customers).values(values).returning()
    : await db.update(customers).set(values).where(eq(customers.id, id)).returning();
  if (!row) return row!;
  await db.delete(customerPhones).where(eq(customerPhones.customerId, row.id));
  const numbers = [...new Set(input.phones.map((p) => p.number))];
  if (numbers.length > 0) await db.insert(customerPhones).values(numbers.map((number) => ({ customerId: row.id, number })));
  return row;
}

export async function searchCustomers(db: Db, q: string | undefined, page: number, pageSize: number): Promise<{ rows: CustomerRow[]; total: number }> {
  const where = q ? ilike(customers.searchText, containsPattern(q.toLowerCase())) : undefined;
  const [rows, [count]] = await Promise.all([
    db.select().from(customers).where(where).orderBy(desc(customers.updatedAt), desc(customers.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(customers).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** Customers with exactly this number, VIPs first, then the most recently changed. */
export async function customersWithNumber(db: Db, number: string): Promise<CustomerRow[]> {
  return db.select({ customer: customers }).from(customerPhones).innerJoin(customers, eq(customers.id, customerPhones.customerId))
    .where(eq(customerPhones.number, number)).orderBy(desc(customers.vipLevel), desc(customers.updatedAt)).then((rows) => rows.map((r) => r.customer));
}

export async function presentInteractions(db: Db, where: SQL | undefined, limit = 100): Promise<Interaction[]> {
  const rows = await db.select({ interaction: interactions, agentName: users.name }).from(interactions)
    .leftJoin(users, eq(users.id, interactions.agentUserId)).where(where).orderBy(desc(interactions.createdAt), desc(interactions.id)).limit(limit);
  return rows.map(({ interaction: i, agentName }) => ({
    id: i.id, customerId: i.customerId, callId: i.callId, kind: i.kind, summary: i.summary, content: i.content,
    agent: i.agentUserId === null ? null : { id: i.agentUserId, name: agentName ?? '' }, createdAt: i.createdAt.toISOString(),
  }));
}

/** Calls from or to any of the customer's numbers and their interaction records, newest first. */
export async function timelineOf(db: Db, customer: CustomerRow, limit = 100): Promise<TimelineEntry[]> {
  const numbers = customer.phones.map((p) => p.number);
  const [callRows, records] = await Promise.all([
    numbers.length === 0 ? [] : db.select().from(calls)
      .where(or(inArray(calls.callerNumber, numbers), inArray(calls.calledNumber, numbers)))
      .orderBy(desc(calls.startedAt)).limit(limit),
    presentInteractions(db, eq(interactions.customerId, customer.id), limit),
  ]);
  const entries: TimelineEntry[] = [
    ...callRows.map((c): TimelineEntry => ({
      type: 'call', at: c.startedAt.toISOString(), callId: c.id, direction: c.direction, number: c.direction === 'inbound' ? c.callerNumber : c.calledNumber,
      outcome: c.outcome, agentName: c.agentName, talkMs: c.talkMs,
    })),
    ...records.map((interaction): TimelineEntry => ({ type: 'interaction', at: interaction.createdAt, interaction })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
