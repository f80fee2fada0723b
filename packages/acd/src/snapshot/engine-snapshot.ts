import { Agent, type WrapUp } from '../agents/agent';
import type { AgentConfig } from '../agents/agent-config';
import { AgentState } from '../agents/agent-state-machine';
import type { Deadline } from '../deadline-scheduler';
import type { EngineCore, Offer } from '../engine-core';
import { AcdQueue, type Member } from '../queue/acd-queue';
import type { QueueConfig } from '../queue/queue-config';
import type { StatisticsSnapshot } from '../statistics/statistics-collector';
import type { Channel, WorkItem } from '../work-item';

/**
 * Everything the engine knows, as plain JSON (JSON.stringify-safe). The server is meant to save it
 * (e.g. after each command, or every few seconds and at shutdown) and hand it to restore() on
 * start, so that sign-ins, agent states, waiting items and callbacks survive a restart.
 * Deadlines are absolute times: after a long outage they fire at once.
 */
export interface AcdSnapshot {
  version: 1;
  takenAt: number;
  seq: { item: number; offer: number; callback: number };
  random: number;
  queues: Array<{ config: QueueConfig; members: Array<[string, Member]>; nextOrder: number; lastOrder?: number; handleEwmaMs: number; waiting: string[] }>;
  agents: Array<{
    config: AgentConfig;
    state: AgentState;
    since: number;
    reason?: string;
    offers: string[];
    assignments: string[];
    load: Partial<Record<Channel, number>>;
    callsToday: number;
    talkTodayMs: number;
    day: number;
    idleSince: number;
    wrapUp?: WrapUp;
  }>;
  items: WorkItem[];
  offers: Offer[];
  deadlines: { seq: number; deadlines: Deadline[] };
  statistics: StatisticsSnapshot;
}

export function takeSnapshot(core: EngineCore): AcdSnapshot {
  const snapshot: AcdSnapshot = {
    version: 1,
    takenAt: core.now(),
    seq: { ...core.seq },
    random: core.random.state,
    queues: [...core.queues.values()].map((q) => ({
      config: q.config,
      members: [...q.members.entries()],
      nextOrder: q.nextOrder,
      lastOrder: q.lastOrder,
      handleEwmaMs: q.handleEwmaMs,
      waiting: q.waiting.values().map((item) => item.id),
    })),
    agents: [...core.agents.values()].map((a) => ({
      config: a.config,
      state: a.machine.state,
      since: a.machine.since,
      reason: a.machine.reason,
      offers: a.offers,
      assignments: a.assignments,
      load: a.load,
      callsToday: a.callsToday,
      talkTodayMs: a.talkTodayMs,
      day: a.day,
      idleSince: a.idleSince,
      wrapUp: a.wrapUp,
    })),
    items: [...core.items.values()],
    offers: [...core.offers.values()],
    deadlines: core.scheduler.snapshot(),
    statistics: core.stats.snapshot(),
  };
  return structuredClone(snapshot);
}

/** Replaces the core's state with the snapshot's (the core's listeners stay). */
export function restoreSnapshot(core: EngineCore, source: AcdSnapshot): void {
  const snapshot = structuredClone(source);
  core.seq = { ...snapshot.seq };
  core.random.state = snapshot.random;
  core.items = new Map(snapshot.items.map((item) => [item.id, item]));
  core.offers = new Map(snapshot.offers.map((offer) => [offer.id, offer]));
  core.agents = new Map();
  for (const a of snapshot.agents) {
    const agent = new Agent(a.config);
    agent.machine.state = a.state;
    agent.machine.since = a.since;
    agent.machine.reason = a.reason;
    Object.assign(agent, { offers: a.offers, assignments: a.assignments, load: a.load, callsToday: a.callsToday, talkTodayMs: a.talkTodayMs, day: a.day, idleSince: a.idleSince, wrapUp: a.wrapUp });
    core.agents.set(agent.id, agent);
  }
  core.queues = new Map();
  for (const q of snapshot.queues) {
    const queue = new AcdQueue(q.config);
    Object.assign(queue, { nextOrder: q.nextOrder, lastOrder: q.lastOrder, handleEwmaMs: q.handleEwmaMs });
    for (const [agentId, member] of q.members) {
      queue.members.set(agentId, member);
      if (core.agents.get(agentId)?.state === AgentState.Ready) queue.ready.add(agentId);
    }
    for (const id of q.waiting) {
      const item = core.items.get(id);
      if (item) queue.waiting.push(item);
    }
    core.queues.set(queue.id, queue);
  }
  core.stats.restore(snapshot.statistics);
  core.scheduler.restore(snapshot.deadlines);
}
