import { InvalidStateError } from '../acd-errors';
import { AgentState } from '../agents/agent-state-machine';
import type { EngineCore } from '../engine-core';
import type { AcdQueue } from '../queue/acd-queue';
import { withdrawOffer } from '../routing/offer-book';
import type { WorkItem } from '../work-item';

/** Puts an item at its place in a queue, or refuses it when the queue is full (overflow at entry). */
export function enqueueItem(core: EngineCore, queue: AcdQueue, item: WorkItem): void {
  const at = core.now();
  const { maxLength, maxWaitMs, overflow } = queue.settings;
  if (maxLength !== undefined && queue.waiting.size >= maxLength) {
    core.items.delete(item.id);
    core.emit({ type: 'refused', at, itemId: item.id, queueId: queue.id, channel: item.channel, reason: 'max-length' });
    return;
  }
  Object.assign(item, { queueId: queue.id, phase: 'waiting', enqueuedAt: at, seq: ++core.seq.item, skippedAgents: [], offerIds: [], overdue: false });
  core.items.set(item.id, item);
  queue.waiting.push(item);
  if (maxWaitMs !== undefined && overflow) core.scheduler.set('max-wait', item.id, at + maxWaitMs);
  core.emit({ type: 'queued', at, itemId: item.id, queueId: queue.id, channel: item.channel, priority: item.priority });
  core.dirtyQueues.add(queue.id);
}

/**
 * An item whose offers all failed goes back where it was: its priority and enqueue time are kept,
 * so it is again ahead of everything it was ahead of (the head, if it was offered as the head).
 */
export function returnToQueue(core: EngineCore, item: WorkItem): void {
  const queue = core.queue(item.queueId);
  item.phase = 'waiting';
  queue.waiting.push(item);
  if (item.overdue) overflowItem(core, item);
  else core.dirtyQueues.add(queue.id);
}

/**
 * Maximum wait passed: to another queue, to voicemail, or onto the callback list. A target that
 * does not exist (yet) leaves the item waiting where it is, logged: an item is never dropped.
 */
export function overflowItem(core: EngineCore, item: WorkItem): void {
  const queue = core.queue(item.queueId);
  const target = queue.settings.overflow;
  if (!target) return;
  const next = target.kind === 'queue' ? core.queues.get(target.queueId) : undefined;
  const callbacks = target.kind === 'callback' ? core.queues.get(queue.settings.callbackQueueId ?? queue.id) : undefined;
  if ((target.kind === 'queue' && !next) || (target.kind === 'callback' && (!callbacks || !item.callerNumber))) {
    core.logger.warn({ queueId: queue.id, itemId: item.id, target }, 'overflow target unavailable; the item keeps waiting');
    return;
  }
  const at = core.now();
  queue.waiting.remove(item);
  core.scheduler.cancel('max-wait', item.id);
  core.items.delete(item.id);
  core.emit({ type: 'overflowed', at, itemId: item.id, queueId: queue.id, target, waitMs: at - item.enqueuedAt });
  if (next) enqueueItem(core, next, item);
  else if (target.kind === 'callback') requestCallback(core, item, queue);
}

/** A new callback work item for the caller, in the queue's callback queue (弃线回叫). */
export function requestCallback(core: EngineCore, item: WorkItem, queue: AcdQueue): void {
  if (!item.callerNumber) return;
  const target = core.queues.get(queue.settings.callbackQueueId ?? queue.id);
  if (!target) {
    core.logger.warn({ queueId: queue.settings.callbackQueueId }, 'callback queue does not exist');
    return;
  }
  const id = `${item.id}:callback:${++core.seq.callback}`;
  const callback: WorkItem = {
    id,
    queueId: target.id,
    channel: 'callback',
    priority: queue.settings.callbackPriority,
    callerNumber: item.callerNumber,
    data: { ...item.data, originalItemId: item.id },
    enqueuedAt: 0,
    seq: 0,
    phase: 'waiting',
    offerIds: [],
    skippedAgents: [],
    overdue: false,
    holdMs: 0,
  };
  core.emit({ type: 'callback-requested', at: core.now(), itemId: id, originalItemId: item.id, queueId: target.id, callerNumber: item.callerNumber });
  enqueueItem(core, target, callback);
}

/** The caller hung up (or the chat left) before an agent accepted. */
export function abandonItem(core: EngineCore, item: WorkItem): void {
  if (item.phase === 'assigned') throw new InvalidStateError(`item ${item.id} is answered: complete it instead`);
  const queue = core.queue(item.queueId);
  const at = core.now();
  queue.waiting.remove(item);
  for (const offerId of [...item.offerIds]) {
    const offer = core.offers.get(offerId);
    if (offer) withdrawOffer(core, offer, 'abandoned');
  }
  core.scheduler.cancel('max-wait', item.id);
  core.items.delete(item.id);
  const waitMs = at - item.enqueuedAt;
  const short = waitMs < queue.settings.shortAbandonMs;
  core.emit({ type: 'abandoned', at, itemId: item.id, queueId: queue.id, waitMs, short, withinServiceLevel: waitMs <= queue.settings.serviceLevelMs });
  if (queue.settings.callbackOnAbandon && !short) requestCallback(core, item, queue);
}

/**
 * The agent finished the item: talk time counted, the place freed, wrap-up started if the queue has
 * one. An agent who went not ready meanwhile stays not ready, without wrap-up.
 */
export function completeItem(core: EngineCore, item: WorkItem): void {
  if (item.phase !== 'assigned' || !item.agentId) throw new InvalidStateError(`item ${item.id} is not answered`);
  const at = core.now();
  const agent = core.agent(item.agentId);
  const queue = core.queue(item.queueId);
  if (item.holdStartedAt !== undefined) item.holdMs += at - item.holdStartedAt;
  const talkMs = Math.max(0, at - (item.talkStartedAt ?? item.acceptedAt ?? at) - item.holdMs);
  core.items.delete(item.id);
  agent.assignments = agent.assignments.filter((id) => id !== item.id);
  agent.release(item.channel);
  agent.rollDay(at, core.dayOffsetMs);
  agent.talkTodayMs += talkMs;
  queue.recordHandleTime(talkMs + item.holdMs + queue.settings.wrapUpMs);
  core.emit({ type: 'completed', at, itemId: item.id, queueId: queue.id, agentId: agent.id, channel: item.channel, talkMs, holdMs: item.holdMs });
  const working = agent.state === AgentState.Ready || agent.state === AgentState.WrapUp;
  if (queue.settings.wrapUpMs > 0 && working) {
    if (agent.wrapUp) endWrapUpOf(core, agent.id);
    else core.setAgentState(agent, AgentState.WrapUp, 'wrap-up');
    agent.wrapUp = { itemId: item.id, queueId: queue.id, startedAt: at };
    core.scheduler.set('wrap-up', agent.id, at + queue.settings.wrapUpMs);
  } else {
    if (!agent.busy) agent.idleSince = at;
    core.dirtyAgents.add(agent.id);
  }
}

/** Closes the agent's wrap-up in the statistics; the state change is the caller's. */
export function endWrapUpOf(core: EngineCore, agentId: string): void {
  const agent = core.agent(agentId);
  const wrap = agent.wrapUp;
  if (!wrap) return;
  const at = core.now();
  agent.wrapUp = undefined;
  core.scheduler.cancel('wrap-up', agentId);
  if (!agent.busy) agent.idleSince = at;
  core.emit({ type: 'wrap-up-ended', at, agentId, itemId: wrap.itemId, queueId: wrap.queueId, wrapUpMs: at - wrap.startedAt });
}
