import { InvalidStateError } from '../acd-errors';
import type { EngineCore } from '../engine-core';
import { endWrapUpOf, returnToQueue } from '../items/item-lifecycle';
import { withdrawOffer } from '../routing/offer-book';
import type { Agent } from './agent';
import { AgentState } from './agent-state-machine';

/** Offers ringing at an agent who is leaving go back: each item to its place in its queue. */
function withdrawAgentOffers(core: EngineCore, agent: Agent): void {
  for (const offerId of [...agent.offers]) {
    const offer = core.offers.get(offerId);
    if (!offer) continue;
    withdrawOffer(core, offer, 'agent-unavailable');
    const item = core.items.get(offer.itemId);
    if (item && item.offerIds.length === 0) returnToQueue(core, item);
  }
}

/** Signs in, to not ready (the usual 置忙 start) or straight to ready. */
export function login(core: EngineCore, agent: Agent, ready: boolean): void {
  if (agent.state !== AgentState.LoggedOut) throw new InvalidStateError(`agent ${agent.id} is already logged in`);
  agent.rollDay(core.now(), core.dayOffsetMs);
  agent.idleSince = core.now();
  core.setAgentState(agent, ready ? AgentState.Ready : AgentState.NotReady, ready ? undefined : 'login');
}

/** Signs out; refused while items are in hand (complete them first), offers are withdrawn. */
export function logout(core: EngineCore, agent: Agent): void {
  if (agent.state === AgentState.LoggedOut) throw new InvalidStateError(`agent ${agent.id} is not logged in`);
  if (agent.assignments.length > 0) throw new InvalidStateError(`agent ${agent.id} still has ${agent.assignments.length} item(s)`);
  withdrawAgentOffers(core, agent);
  endWrapUpOf(core, agent.id);
  core.setAgentState(agent, AgentState.LoggedOut);
}

/** 置闲: ready for offers; from wrap-up this ends the wrap-up. */
export function setReady(core: EngineCore, agent: Agent): void {
  if (agent.state === AgentState.LoggedOut) throw new InvalidStateError(`agent ${agent.id} is not logged in`);
  if (agent.state === AgentState.Ready) return;
  endWrapUpOf(core, agent.id);
  if (!agent.busy) agent.idleSince = core.now();
  core.setAgentState(agent, AgentState.Ready);
}

/** 置忙 with a reason code: no new offers; offers ringing now are withdrawn. */
export function setNotReady(core: EngineCore, agent: Agent, reason: string): void {
  if (agent.state === AgentState.LoggedOut) throw new InvalidStateError(`agent ${agent.id} is not logged in`);
  if (agent.state === AgentState.NotReady && agent.machine.reason === reason) return;
  withdrawAgentOffers(core, agent);
  endWrapUpOf(core, agent.id);
  core.setAgentState(agent, AgentState.NotReady, reason);
}

/** Wrap-up time is over: back to ready, or not ready if the item's queue says so. */
export function expireWrapUp(core: EngineCore, agent: Agent): void {
  const wrap = agent.wrapUp;
  if (!wrap || agent.state !== AgentState.WrapUp) return;
  const stay = core.queues.get(wrap.queueId)?.settings.wrapUpEnd === 'not-ready';
  endWrapUpOf(core, agent.id);
  core.setAgentState(agent, stay ? AgentState.NotReady : AgentState.Ready, stay ? 'wrap-up-expired' : undefined);
}
