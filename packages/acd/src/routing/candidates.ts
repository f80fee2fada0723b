import type { EngineCore } from '../engine-core';
import type { AcdQueue } from '../queue/acd-queue';
import type { Candidate } from '../strategies/strategy';
import { CHANNELS, type Channel, type WorkItem } from '../work-item';

/**
 * Agents who could take this item now: ready members of the queue (the ready index, not every
 * agent) with room in the item's channel, who have not rejected it or let it ring out. Only the
 * lowest penalty present competes — a higher penalty is an overflow tier within the queue, as in
 * Asterisk. Sorted by the queue's fixed order.
 */
export function candidatesFor(core: EngineCore, queue: AcdQueue, item: WorkItem): Candidate[] {
  const now = core.now();
  let best = Infinity;
  const found: Array<Candidate & { penalty: number }> = [];
  for (const agentId of queue.ready) {
    const agent = core.agents.get(agentId);
    const member = queue.members.get(agentId);
    if (!agent || !member || !agent.canTake(item.channel) || item.skippedAgents.includes(agentId)) continue;
    if (member.penalty > best) continue;
    best = member.penalty;
    agent.rollDay(now, core.dayOffsetMs);
    let skillScore = 0;
    for (const skill of Object.keys(queue.settings.requiredSkills)) skillScore += agent.config.skills?.[skill] ?? 0;
    found.push({ agentId, idleSince: agent.idleSince, callsToday: agent.callsToday, talkTodayMs: agent.talkTodayMs, skillScore, order: member.order, penalty: member.penalty });
  }
  return found.filter((c) => c.penalty === best).sort((a, b) => a.order - b.order);
}

/** Channels for which some ready member has room now (else looking at those items is useless). */
export function channelsWithRoom(core: EngineCore, queue: AcdQueue): Set<Channel> {
  const open = new Set<Channel>();
  for (const agentId of queue.ready) {
    const agent = core.agents.get(agentId);
    if (!agent) continue;
    for (const channel of CHANNELS) if (!open.has(channel) && agent.canTake(channel)) open.add(channel);
    if (open.size === CHANNELS.length) break;
  }
  return open;
}
