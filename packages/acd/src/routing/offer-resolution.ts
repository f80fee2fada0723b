import { setNotReady } from '../agents/agent-commands';
import type { EngineCore, Offer } from '../engine-core';
import { returnToQueue } from '../items/item-lifecycle';
import { removeOffer, withdrawOffer } from './offer-book';

/** The agent answers: the item is theirs, any other offer of it (ring-all) is withdrawn. */
export function acceptOffer(core: EngineCore, offer: Offer): void {
  const at = core.now();
  const item = core.item(offer.itemId);
  const agent = core.agent(offer.agentId);
  const queue = core.queue(offer.queueId);
  removeOffer(core, offer, true);
  agent.assignments.push(item.id);
  Object.assign(item, { phase: 'assigned', agentId: agent.id, acceptedAt: at, overdue: false });
  core.scheduler.cancel('max-wait', item.id);
  agent.rollDay(at, core.dayOffsetMs);
  agent.callsToday++;
  const waitMs = at - item.enqueuedAt;
  core.emit({ type: 'accepted', at, offerId: offer.id, itemId: item.id, queueId: queue.id, agentId: agent.id, waitMs, withinServiceLevel: waitMs <= queue.settings.serviceLevelMs });
  for (const otherId of [...item.offerIds]) {
    const other = core.offers.get(otherId);
    if (other) withdrawOffer(core, other, 'accepted-elsewhere');
  }
}

/** The agent declines: skipped for this item, which goes on to the next agent. */
export function rejectOffer(core: EngineCore, offer: Offer): void {
  const item = core.item(offer.itemId);
  removeOffer(core, offer);
  item.skippedAgents.push(offer.agentId);
  core.emit({ type: 'rejected', at: core.now(), offerId: offer.id, itemId: item.id, queueId: offer.queueId, agentId: offer.agentId });
  if (item.offerIds.length === 0) returnToQueue(core, item);
}

/**
 * The ring timeout fired: the item returns to the head of its queue for the next agent; the agent
 * who did not answer is skipped for it and, if the queue says so, set not ready.
 */
export function timeOutOffer(core: EngineCore, offer: Offer): void {
  const item = core.item(offer.itemId);
  const queue = core.queue(offer.queueId);
  removeOffer(core, offer);
  item.skippedAgents.push(offer.agentId);
  core.emit({ type: 'offer-timed-out', at: core.now(), offerId: offer.id, itemId: item.id, queueId: queue.id, agentId: offer.agentId });
  if (item.offerIds.length === 0) returnToQueue(core, item);
  const agent = core.agents.get(offer.agentId);
  if (agent && queue.settings.notReadyOnRingTimeout) setNotReady(core, agent, queue.settings.ringTimeoutReason);
}
