import { InvalidConfigError, InvalidStateError } from './acd-errors';
import { Agent } from './agents/agent';
import { expireWrapUp, login, logout, setNotReady, setReady } from './agents/agent-commands';
import { checkAgentConfig, type AgentConfig } from './agents/agent-config';
import { AgentState } from './agents/agent-state-machine';
import type { Deadline } from './deadline-scheduler';
import { EngineCore, type AcdEngineOptions } from './engine-core';
import type { AcdListener } from './events';
import { abandonItem, completeItem, enqueueItem, overflowItem } from './items/item-lifecycle';
import { holdItem, resumeItem, startTalk } from './items/talk-time';
import { AcdQueue } from './queue/acd-queue';
import { estimatedWait } from './queue/estimated-wait';
import type { QueueConfig } from './queue/queue-config';
import { acceptOffer, rejectOffer, timeOutOffer } from './routing/offer-resolution';
import { settle } from './routing/router';
import { restoreSnapshot, takeSnapshot, type AcdSnapshot } from './snapshot/engine-snapshot';
import type { AgentStatistics, QueueStatistics } from './statistics/statistics-types';
import type { Channel, WorkItem, WorkItemInput } from './work-item';

/** What an agent looks like from outside: state, and the derived ringing/busy activity. */
export interface AgentView {
  id: string;
  state: AgentState;
  reason: string | undefined;
  since: number;
  activity: 'idle' | 'ringing' | 'busy';
  offers: string[];
  assignments: string[];
  load: Partial<Record<Channel, number>>;
}

/**
 * The ACD engine (ACD-1..6): commands in, typed events out (`on`), over an injected clock. One
 * engine for calls, emails, chats and callbacks; pure logic, no I/O.
 *
 * Multi-queue agents: when an agent has room, their queues are served in the order of the
 * `multiQueueRule` option — `'longest-waiting'` (default): the queue whose head item comes first by
 * effective priority and then by longest wait; `'queue-priority'`: the queue with the highest
 * `priority` number first, ties by the same head comparison.
 *
 * Listeners run synchronously inside commands and must not call commands themselves (that throws
 * an InvalidStateError); defer such calls (queueMicrotask). A throwing listener is logged and skipped.
 *
 * State that survives: snapshot() is plain JSON; restore() on a new engine continues identically.
 */
export class AcdEngine {
  private readonly core: EngineCore;
  private busy = false;
  private closed = false;

  constructor(options: AcdEngineOptions = {}) {
    // A deadline fires from a timer: a failure there is logged, it must never end the process.
    this.core = new EngineCore(options, (deadline) => {
      try {
        this.run(() => this.onDeadline(deadline));
      } catch (error) {
        this.core.logger.error({ err: error, deadline }, 'acd deadline failed');
      }
    });
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  on(listener: AcdListener): () => void {
    return this.core.bus.on(listener);
  }

  addQueue(config: QueueConfig): void {
    this.run(() => {
      if (this.core.queues.has(config.id)) throw new InvalidConfigError(`queue ${config.id} exists`);
      const queue = new AcdQueue(config);
      this.core.queues.set(queue.id, queue);
      for (const agent of this.core.agents.values()) this.core.refreshMembership(agent, queue);
      this.core.dirtyQueues.add(queue.id);
    });
  }

  updateQueue(config: QueueConfig): void {
    this.run(() => {
      const queue = this.core.queue(config.id);
      queue.reconfigure(config);
      for (const agent of this.core.agents.values()) this.core.refreshMembership(agent, queue);
      this.core.dirtyQueues.add(queue.id);
    });
  }

  addAgent(config: AgentConfig): void {
    this.run(() => {
      if (this.core.agents.has(config.id)) throw new InvalidConfigError(`agent ${config.id} exists`);
      checkAgentConfig(config);
      const agent = new Agent(config);
      this.core.agents.set(agent.id, agent);
      for (const queue of this.core.queues.values()) this.core.refreshMembership(agent, queue);
    });
  }

  /** New skills, queues or capacity; takes effect for the next offers. */
  updateAgent(config: AgentConfig): void {
    this.run(() => {
      const agent = this.core.agent(config.id);
      checkAgentConfig(config);
      agent.config = config;
      for (const queue of this.core.queues.values()) this.core.refreshMembership(agent, queue);
      this.core.dirtyAgents.add(agent.id);
    });
  }

  /** Removes a logged-out agent from the ACD. */
  removeAgent(agentId: string): void {
    this.run(() => {
      const agent = this.core.agent(agentId);
      if (agent.state !== AgentState.LoggedOut) throw new InvalidStateError(`agent ${agentId} is logged in`);
      for (const queue of this.core.queues.values()) {
        queue.members.delete(agentId);
        queue.ready.delete(agentId);
      }
      this.core.agents.delete(agentId);
    });
  }

  /** Removes a queue no item is in (waiting, ringing or answered) and no other queue sends items to. */
  removeQueue(queueId: string): void {
    this.run(() => {
      this.core.queue(queueId);
      for (const item of this.core.items.values()) {
        if (item.queueId === queueId) throw new InvalidStateError(`queue ${queueId} still has item ${item.id}`);
      }
      for (const other of this.core.queues.values()) {
        const { overflow, callbackQueueId } = other.settings;
        const feeds = (overflow?.kind === 'queue' && overflow.queueId === queueId) || callbackQueueId === queueId;
        if (other.id !== queueId && feeds) throw new InvalidStateError(`queue ${other.id} overflows or calls back into ${queueId}`);
      }
      this.core.queues.delete(queueId);
    });
  }

  login(agentId: string, options: { ready?: boolean } = {}): void {
    this.run(() => login(this.core, this.core.agent(agentId), options.ready ?? false));
  }

  logout(agentId: string): void {
    this.run(() => logout(this.core, this.core.agent(agentId)));
  }

  setReady(agentId: string): void {
    this.run(() => setReady(this.core, this.core.agent(agentId)));
  }

  setNotReady(agentId: string, reason: string): void {
    this.run(() => setNotReady(this.core, this.core.agent(agentId), reason));
  }

  /** Ends the wrap-up early: the agent is ready. */
  endWrapUp(agentId: string): void {
    this.run(() => {
      const agent = this.core.agent(agentId);
      if (agent.state !== AgentState.WrapUp) throw new InvalidStateError(`agent ${agentId} is not in wrap-up`);
      setReady(this.core, agent);
    });
  }

  enqueue(input: WorkItemInput): void {
    this.run(() => {
      if (this.core.items.has(input.id)) throw new InvalidConfigError(`item ${input.id} is already in the ACD`);
      const queue = this.core.queue(input.queueId);
      const item: WorkItem = { ...input, priority: input.priority ?? 0, enqueuedAt: 0, seq: 0, phase: 'waiting', offerIds: [], skippedAgents: [], overdue: false, holdMs: 0 };
      enqueueItem(this.core, queue, item);
    });
  }

  accept(offerId: string): void {
    this.run(() => acceptOffer(this.core, this.core.offer(offerId)));
  }

  reject(offerId: string): void {
    this.run(() => rejectOffer(this.core, this.core.offer(offerId)));
  }

  abandon(itemId: string): void {
    this.run(() => abandonItem(this.core, this.core.item(itemId)));
  }

  /** Talk starts (a call connected); without it talk time runs from acceptance. */
  startTalk(itemId: string): void {
    this.run(() => startTalk(this.core, itemId));
  }

  hold(itemId: string): void {
    this.run(() => holdItem(this.core, itemId));
  }

  resume(itemId: string): void {
    this.run(() => resumeItem(this.core, itemId));
  }

  complete(itemId: string): void {
    this.run(() => completeItem(this.core, this.core.item(itemId)));
  }

  /** 1-based place among the items of its channel waiting in its queue; 0 while ringing or answered. */
  position(itemId: string): number {
    const item = this.core.item(itemId);
    return item.phase === 'waiting' ? this.core.queue(item.queueId).position(item) : 0;
  }

  /** Estimated wait (ms) for announcements; see queue/estimated-wait. */
  estimatedWait(itemId: string): number | undefined {
    return estimatedWait(this.core, this.core.item(itemId));
  }

  agent(agentId: string): AgentView {
    const a = this.core.agent(agentId);
    const activity = a.assignments.length > 0 ? 'busy' : a.offers.length > 0 ? 'ringing' : 'idle';
    return { id: a.id, state: a.state, reason: a.machine.reason, since: a.machine.since, activity, offers: [...a.offers], assignments: [...a.assignments], load: { ...a.load } };
  }

  /** A copy of a live item (waiting, offered or answered), or undefined once it has left the ACD. */
  item(itemId: string): WorkItem | undefined {
    const item = this.core.items.get(itemId);
    return item ? structuredClone(item) : undefined;
  }

  waitingCount(queueId: string): number {
    return this.core.queue(queueId).waiting.size;
  }

  queueStatistics(queueId: string): QueueStatistics {
    return this.core.stats.queueStatistics(queueId);
  }

  agentStatistics(agentId: string): AgentStatistics {
    return this.core.stats.agentStatistics(agentId, this.core.now());
  }

  snapshot(): AcdSnapshot {
    return takeSnapshot(this.core);
  }

  /** Replaces this engine's state with a snapshot's; listeners stay subscribed. */
  restore(snapshot: AcdSnapshot): void {
    if (snapshot.version !== 1) throw new InvalidConfigError(`unknown ACD snapshot version ${String(snapshot.version)}`);
    this.run(() => restoreSnapshot(this.core, snapshot));
  }

  /** Stops the engine's timer and drops listeners; safe to call twice. */
  close(): void {
    this.closed = true;
    this.core.scheduler.close();
    this.core.bus.clear();
  }

  private onDeadline(deadline: Deadline): void {
    const core = this.core;
    if (deadline.kind === 'ring') {
      const offer = core.offers.get(deadline.ref);
      if (offer) timeOutOffer(core, offer);
    } else if (deadline.kind === 'max-wait') {
      const item = core.items.get(deadline.ref);
      if (item?.phase === 'waiting') overflowItem(core, item);
      else if (item?.phase === 'offered') item.overdue = true;
    } else {
      const agent = core.agents.get(deadline.ref);
      if (agent) expireWrapUp(core, agent);
    }
  }

  /** Every command: refuses re-entry from a listener, then routes what the command changed. */
  private run<T>(command: () => T): T {
    if (this.closed) throw new InvalidStateError('the ACD engine is closed');
    if (this.busy) throw new InvalidStateError('ACD commands cannot be called from an event listener');
    this.busy = true;
    try {
      const result = command();
      settle(this.core);
      return result;
    } finally {
      this.busy = false;
    }
  }
}
