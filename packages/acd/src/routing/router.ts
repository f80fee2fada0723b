import type { Agent } from '../agents/agent';
import type { EngineCore } from '../engine-core';
import { effectivePriority } from '../priority/item-order';
import type { AcdQueue } from '../queue/acd-queue';
import { strategies } from '../strategies/strategies';
import type { Channel, WorkItem } from '../work-item';
import { candidatesFor, channelsWithRoom } from './candidates';
import { createOffer } from './offer-book';

/**
 * Offers a queue's waiting items, best first, to the agents its strategy picks, as long as some
 * ready member has room for the item's channel. An item no free agent may take (all of them
 * rejected it or let it ring out) does not block the items behind it: up to `lookahead` such items
 * are set aside and put back after.
 */
export function dispatchQueue(core: EngineCore, queue: AcdQueue): void {
  const strategy = strategies[queue.settings.strategy];
  const setAside: WorkItem[] = [];
  let open = channelsWithRoom(core, queue);
  while (setAside.length < core.lookahead && open.size > 0) {
    const item = queue.waiting.peek((channel) => open.has(channel));
    if (!item) break;
    queue.waiting.remove(item);
    const candidates = candidatesFor(core, queue, item);
    if (candidates.length === 0) {
      setAside.push(item);
      continue;
    }
    const chosen = strategy.choose(candidates, { lastOrder: queue.lastOrder, random: () => core.random.next() });
    for (const candidate of chosen) {
      queue.lastOrder = candidate.order;
      createOffer(core, queue, item, core.agent(candidate.agentId));
    }
    open = channelsWithRoom(core, queue);
  }
  for (const item of setAside) queue.waiting.push(item);
}

/** Head-of-queue order across queues: effective priority, then longest waiting. */
function headBefore(core: EngineCore, a: [AcdQueue, WorkItem], b: [AcdQueue, WorkItem]): number {
  const [qa, ha] = a;
  const [qb, hb] = b;
  const now = core.now();
  const pa = effectivePriority(ha, now, qa.settings.agingStepMs);
  const pb = effectivePriority(hb, now, qb.settings.agingStepMs);
  return pb - pa || ha.enqueuedAt - hb.enqueuedAt || ha.seq - hb.seq;
}

/**
 * An agent has room: serve their queues in the engine's multi-queue order — the queue whose head
 * item has waited longest (after priority), or the highest queue priority first.
 */
export function dispatchAgent(core: EngineCore, agent: Agent): void {
  if (!agent.hasRoom()) return;
  const heads: Array<[AcdQueue, WorkItem]> = [];
  const open = (channel: Channel): boolean => agent.canTake(channel);
  for (const { queueId } of agent.config.queues) {
    const queue = core.queues.get(queueId);
    const head = queue?.members.has(agent.id) ? queue.waiting.peek(open) : undefined;
    if (queue && head) heads.push([queue, head]);
  }
  const byPriority = core.multiQueueRule === 'queue-priority';
  heads.sort((a, b) => (byPriority ? b[0].settings.priority - a[0].settings.priority : 0) || headBefore(core, a, b));
  for (const [queue] of heads) {
    if (!agent.hasRoom()) return;
    dispatchQueue(core, queue);
  }
}

/** Runs routing for everything the last command changed: freed agents first, then queues. */
export function settle(core: EngineCore): void {
  for (let guard = 0; guard < 100_000; guard++) {
    const agentId = core.dirtyAgents.values().next().value;
    if (agentId !== undefined) {
      core.dirtyAgents.delete(agentId);
      const agent = core.agents.get(agentId);
      if (agent) dispatchAgent(core, agent);
      continue;
    }
    const queueId = core.dirtyQueues.values().next().value;
    if (queueId === undefined) return;
    core.dirtyQueues.delete(queueId);
    const queue = core.queues.get(queueId);
    if (queue) dispatchQueue(core, queue);
  }
}
