/**
 * The simulated agents of bench/switch.ts, set up the way an administrator would on the pages:
 * a role with the agent right, one phone account 分机 and one user per agent, all of them members
 * of the queue the IVR key leads to (wrap-up 0 s so an agent is free again at once), work hours
 * round the clock so the IVR never takes the after-hours branch, and then each agent signs in
 * 签入 ready through the CTI API (packages/contracts/src/cti.ts) from a session of their own.
 */
import type { CtiResult, QueueConfig } from '@rexian/contracts';
import { inBatches, signIn, type ApiSession } from './admin-api';
import type { BenchPhone } from './register-phones';

export interface BenchAgent extends BenchPhone {
  account: string;
  userId: number;
}

export interface AgentSetup {
  count: number;
  /** Extensions run from here up (the demo phones are 1000–1005). */
  firstExtension: number;
  /** The queue the IVR key leads to, by name (the demo's 3 → 业务咨询). */
  queueName: string;
}

const PASSWORD = 'Bench-Agent-2026';

export async function createAgents(admin: ApiSession, setup: AgentSetup): Promise<{ agents: BenchAgent[]; queue: QueueConfig }> {
  const queues = await admin.call<QueueConfig[]>('GET', '/api/queues');
  const queue = queues.find((q) => q.name === setup.queueName);
  if (!queue) throw new Error(`queue "${setup.queueName}" not found (have: ${queues.map((q) => q.name).join(', ')})`);
  const role = await admin.call<{ id: number }>('POST', '/api/roles', { name: '压测座席', description: 'bench/switch.ts', rights: ['cti.agent'], dataScope: 'own' });
  const allDay = [{ start: '00:00', end: '23:59' }];
  await admin.call('PUT', '/api/calendar/week', { week: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: allDay })) });

  const extensions = Array.from({ length: setup.count }, (_, i) => String(setup.firstExtension + i));
  const agents = await inBatches(extensions, 10, async (extension): Promise<BenchAgent> => {
    await admin.call('POST', '/api/phones', { extension, name: `压测分机 ${extension}`, password: PASSWORD });
    const account = `bench${extension}`;
    const user = await admin.call<{ id: number }>('POST', '/api/users', {
      account, name: `压测座席 ${extension}`, extension, password: PASSWORD, roleIds: [role.id],
    });
    return { extension, password: PASSWORD, account, userId: user.id };
  });

  const { id, members: _members, updatedAt: _updatedAt, ...settings } = queue;
  const updated = await admin.call<QueueConfig>('PUT', `/api/queues/${id}`, {
    ...settings, wrapUpSec: 0, record: false, recordAbandoned: false, maxWaitSec: 0,
    members: agents.map((a) => ({ userId: a.userId, penalty: 0 })),
  });
  return { agents, queue: updated };
}

/** Signs every agent in, ready; returns the agents the switch refused, with its message. */
export async function signInAgents(baseUrl: string, agents: readonly BenchAgent[]): Promise<string[]> {
  const refused = await inBatches(agents, 8, async (agent) => {
    const session = await signIn(baseUrl, agent.account, agent.password);
    const result = await session.call<CtiResult>('POST', '/api/cti/commands', { command: 'agent.login', extension: agent.extension, ready: true });
    return result.ok ? null : `${agent.extension}: ${result.message ?? 'refused'}`;
  });
  return refused.filter((r): r is string => r !== null);
}
