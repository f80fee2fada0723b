/**
 * Reads the configuration the switch runs on from the database: hotline routes, the published graph
 * of each IVR flow, queues, agents (users with an extension who serve a queue), caller lists and the
 * business calendar. Called at start and after every change (SwitchStatus.reload).
 */
import { and, asc, eq, gt, isNotNull, or } from 'drizzle-orm';
import type { CallerListKind } from '@rexian/contracts';
import type { AgentConfig, SwitchConfig } from '@rexian/switch';
import type { Db } from '../../db/database';
import { callerLists, customerPhones, customers, hotlineRoutes, ivrFlows, ivrFlowVersions, queueMembers, queues, users } from '../../db/schema';
import { isBusinessTime } from '../calendar/business-calendar';
import { loadCalendar } from '../calendar/calendar-store';
import { presentQueueSettings } from '../queues/queue-presenter';

/** A number on several lists counts as the strongest: a blacklisted VIP is still refused. */
const LIST_STRENGTH: Record<CallerListKind, number> = { blacklist: 3, vip: 2, priority: 1 };

export async function loadSwitchConfig(db: Db): Promise<SwitchConfig> {
  const [routeRows, flowRows, queueRows, memberRows, listRows, calendar] = await Promise.all([
    db.select().from(hotlineRoutes).orderBy(asc(hotlineRoutes.number)),
    db.select({ flowId: ivrFlowVersions.flowId, graph: ivrFlowVersions.graph })
      .from(ivrFlowVersions)
      .innerJoin(ivrFlows, and(eq(ivrFlows.id, ivrFlowVersions.flowId), eq(ivrFlows.publishedVersion, ivrFlowVersions.version))),
    db.select().from(queues).orderBy(asc(queues.id)),
    db.select({ queueId: queueMembers.queueId, penalty: queueMembers.penalty, userId: users.id, name: users.name })
      .from(queueMembers)
      .innerJoin(users, eq(users.id, queueMembers.userId))
      .where(and(isNotNull(users.extension), eq(users.status, 'active')))
      .orderBy(asc(users.id), asc(queueMembers.queueId)),
    db.select().from(callerLists),
    loadCalendar(db),
  ]);
  // Customers' numbers count too: a blacklisted customer's as blacklist, a VIP's as vip (CRM-1).
  const customerRows = await db.select({ number: customerPhones.number, blacklisted: customers.blacklisted, vipLevel: customers.vipLevel })
    .from(customerPhones).innerJoin(customers, eq(customers.id, customerPhones.customerId))
    .where(or(eq(customers.blacklisted, true), gt(customers.vipLevel, 0)));

  const agents = new Map<number, AgentConfig>();
  for (const m of memberRows) {
    const agent = agents.get(m.userId) ?? { userId: m.userId, name: m.name, queues: [] };
    agent.queues.push({ queueId: m.queueId, penalty: m.penalty });
    agents.set(m.userId, agent);
  }
  const lists = new Map<string, CallerListKind>();
  const fromCustomers = customerRows.map((c) => ({ number: c.number, list: (c.blacklisted ? 'blacklist' : 'vip') as CallerListKind }));
  for (const entry of [...listRows, ...fromCustomers]) {
    const current = lists.get(entry.number);
    if (!current || LIST_STRENGTH[entry.list] > LIST_STRENGTH[current]) lists.set(entry.number, entry.list);
  }

  return {
    routes: routeRows.map((r) => ({ number: r.number, flowId: r.flowId, queueId: r.queueId })),
    flows: new Map(flowRows.map((f) => [f.flowId, f.graph])),
    queues: queueRows.map(presentQueueSettings),
    agents: [...agents.values()],
    callerLists: lists,
    calendar: { isOpen: (at) => isBusinessTime(calendar, at) },
  };
}
