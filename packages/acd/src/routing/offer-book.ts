import type { Agent } from '../agents/agent';
import type { EngineCore, Offer } from '../engine-core';
import type { AcdQueue } from '../queue/acd-queue';
import type { WorkItem } from '../work-item';

const without = (list: string[], id: string): string[] => list.filter((x) => x !== id);

/** Rings one agent with an item: the offer holds a place in the agent's capacity until answered. */
export function createOffer(core: EngineCore, queue: AcdQueue, item: WorkItem, agent: Agent): Offer {
  const at = core.now();
  const offer: Offer = { id: `o${++core.seq.offer}`, itemId: item.id, agentId: agent.id, queueId: queue.id, offeredAt: at };
  core.offers.set(offer.id, offer);
  agent.offers.push(offer.id);
  agent.hold(item.channel);
  item.offerIds.push(offer.id);
  item.phase = 'offered';
  core.scheduler.set('ring', offer.id, at + queue.settings.ringTimeoutMs);
  core.emit({ type: 'offered', at, offerId: offer.id, itemId: item.id, queueId: queue.id, agentId: agent.id, channel: item.channel, ringTimeoutMs: queue.settings.ringTimeoutMs });
  return offer;
}

/**
 * Takes an offer off the books (the caller emits why). The agent's place is freed; the item keeps
 * its other offers, and the caller returns it to its queue when none is left.
 */
export function removeOffer(core: EngineCore, offer: Offer, keepPlace = false): void {
  core.offers.delete(offer.id);
  core.scheduler.cancel('ring', offer.id);
  const agent = core.agents.get(offer.agentId);
  const item = core.items.get(offer.itemId);
  if (item) item.offerIds = without(item.offerIds, offer.id);
  if (agent) {
    agent.offers = without(agent.offers, offer.id);
    if (!keepPlace && item) agent.release(item.channel);
    core.dirtyAgents.add(agent.id);
  }
}

/** Removes an offer with an `offer-withdrawn` event. */
export function withdrawOffer(core: EngineCore, offer: Offer, reason: 'accepted-elsewhere' | 'abandoned' | 'agent-unavailable' | 'overflowed'): void {
  removeOffer(core, offer);
  core.emit({ type: 'offer-withdrawn', at: core.now(), offerId: offer.id, itemId: offer.itemId, queueId: offer.queueId, agentId: offer.agentId, reason });
}
