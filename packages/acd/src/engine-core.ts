import { NotFoundError } from './acd-errors';
import type { Agent } from './agents/agent';
import { AgentState } from './agents/agent-state-machine';
import { systemClock, type Clock } from './clock';
import { DeadlineScheduler, type Deadline } from './deadline-scheduler';
import { EventBus } from './event-bus';
import type { AcdEvent } from './events';
import { noopLogger, type Logger } from './logger';
import type { AcdQueue } from './queue/acd-queue';
import { RandomSource } from './random-source';
import { StatisticsCollector } from './statistics/statistics-collector';
import type { WorkItem } from './work-item';

/** How an agent in several queues picks the queue to serve (see AcdEngine). */
export type MultiQueueRule = 'longest-waiting' | 'queue-priority';

export interface AcdEngineOptions {
  clock?: Clock;
  logger?: Logger;
  /** Default 'longest-waiting'. */
  multiQueueRule?: MultiQueueRule;
  /** Seed of the generator behind the random strategy. */
  seed?: number;
  /** Where "today" starts for fewest-calls and least-talk-time; default UTC (0). */
  timezoneOffsetMinutes?: number;
  /** Items a queue looks past a head no one can take (wrong channel, rejected by all free agents). */
  lookahead?: number;
}

/** An item ringing at one agent. */
export interface Offer {
  id: string;
  itemId: string;
  agentId: string;
  queueId: string;
  offeredAt: number;
}

/**
 * The engine's state and the few things every part needs (time, events, lookups). Commands mark
 * agents and queues dirty; routing settles them at the end of each command.
 */
export class EngineCore {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly stats = new StatisticsCollector();
  readonly scheduler: DeadlineScheduler;
  readonly random: RandomSource;
  readonly multiQueueRule: MultiQueueRule;
  readonly dayOffsetMs: number;
  readonly lookahead: number;
  queues = new Map<string, AcdQueue>();
  agents = new Map<string, Agent>();
  items = new Map<string, WorkItem>();
  offers = new Map<string, Offer>();
  seq = { item: 0, offer: 0, callback: 0 };
  readonly dirtyAgents = new Set<string>();
  readonly dirtyQueues = new Set<string>();

  constructor(options: AcdEngineOptions, onDue: (deadline: Deadline) => void) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? noopLogger;
    this.bus = new EventBus(this.logger);
    this.scheduler = new DeadlineScheduler(this.clock, onDue);
    this.random = new RandomSource(options.seed ?? 1);
    this.multiQueueRule = options.multiQueueRule ?? 'longest-waiting';
    this.dayOffsetMs = (options.timezoneOffsetMinutes ?? 0) * 60_000;
    this.lookahead = options.lookahead ?? 16;
  }

  now(): number {
    return this.clock.now();
  }

  /** Statistics first, so listeners already see the figures this event changes. */
  emit(event: AcdEvent): void {
    this.stats.record(event);
    this.bus.emit(event);
  }

  queue(id: string): AcdQueue {
    const queue = this.queues.get(id);
    if (!queue) throw new NotFoundError('queue', id);
    return queue;
  }

  agent(id: string): Agent {
    const agent = this.agents.get(id);
    if (!agent) throw new NotFoundError('agent', id);
    return agent;
  }

  item(id: string): WorkItem {
    const item = this.items.get(id);
    if (!item) throw new NotFoundError('item', id);
    return item;
  }

  offer(id: string): Offer {
    const offer = this.offers.get(id);
    if (!offer) throw new NotFoundError('offer', id);
    return offer;
  }

  /** Changes an agent's state, keeps the ready index of its queues, and tells the world. */
  setAgentState(agent: Agent, to: AgentState, reason?: string): void {
    const at = this.now();
    const change = agent.machine.transitionTo(to, at, reason);
    for (const { queueId } of agent.config.queues) {
      const queue = this.queues.get(queueId);
      if (!queue) continue;
      if (to === AgentState.Ready && queue.members.has(agent.id)) queue.ready.add(agent.id);
      else queue.ready.delete(agent.id);
    }
    if (to === AgentState.Ready) this.dirtyAgents.add(agent.id);
    this.emit({ type: 'agent-state-changed', at, agentId: agent.id, from: change.from, to, reason, durationMs: change.durationMs });
  }

  /** Makes the agent a member of the queue if it lists the queue and has the skills, else not. */
  refreshMembership(agent: Agent, queue: AcdQueue): void {
    const listed = agent.config.queues.find((m) => m.queueId === queue.id);
    const skills = agent.config.skills ?? {};
    const eligible = listed && Object.entries(queue.settings.requiredSkills).every(([skill, min]) => (skills[skill] ?? 0) >= min);
    if (!eligible) {
      queue.members.delete(agent.id);
      queue.ready.delete(agent.id);
      return;
    }
    const order = queue.members.get(agent.id)?.order ?? queue.nextOrder++;
    queue.members.set(agent.id, { penalty: listed.penalty ?? 0, order });
    if (agent.state === AgentState.Ready) queue.ready.add(agent.id);
  }
}
