import { AgentState } from '../agents/agent-state-machine';
import type { EngineCore } from '../engine-core';
import type { WorkItem } from '../work-item';

/**
 * Estimated wait (ms) for announcements: place × recent handle time ÷ the places for this channel
 * of the members at work (ready or in wrap-up; busy ones count, they will free up). 0 once the item
 * rings or is answered; undefined when no one is at work, so nothing sensible can be said.
 */
export function estimatedWait(core: EngineCore, item: WorkItem): number | undefined {
  if (item.phase !== 'waiting') return 0;
  const queue = core.queue(item.queueId);
  let places = 0;
  for (const agentId of queue.members.keys()) {
    const agent = core.agents.get(agentId);
    if (agent && (agent.state === AgentState.Ready || agent.state === AgentState.WrapUp)) places += agent.capacity(item.channel);
  }
  if (places === 0) return undefined;
  return Math.round((queue.position(item) * queue.handleEwmaMs) / places);
}
