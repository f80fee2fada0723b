import { InvalidStateError } from '../acd-errors';
import type { EngineCore } from '../engine-core';
import type { WorkItem } from '../work-item';

function answered(core: EngineCore, itemId: string): WorkItem & { agentId: string } {
  const item = core.item(itemId);
  if (item.phase !== 'assigned' || item.agentId === undefined) throw new InvalidStateError(`item ${itemId} is not answered`);
  return item as WorkItem & { agentId: string };
}

/** Talk starts (the call connected); without it talk time runs from acceptance. */
export function startTalk(core: EngineCore, itemId: string): void {
  const item = answered(core, itemId);
  item.talkStartedAt = core.now();
  core.emit({ type: 'talk-started', at: item.talkStartedAt, itemId, queueId: item.queueId, agentId: item.agentId });
}

/** Hold time is counted apart from talk time (both are in AHT). */
export function holdItem(core: EngineCore, itemId: string): void {
  const item = answered(core, itemId);
  if (item.holdStartedAt !== undefined) throw new InvalidStateError(`item ${itemId} is already on hold`);
  item.holdStartedAt = core.now();
  core.emit({ type: 'held', at: item.holdStartedAt, itemId, queueId: item.queueId, agentId: item.agentId });
}

export function resumeItem(core: EngineCore, itemId: string): void {
  const item = answered(core, itemId);
  if (item.holdStartedAt === undefined) throw new InvalidStateError(`item ${itemId} is not on hold`);
  const at = core.now();
  const holdMs = at - item.holdStartedAt;
  item.holdMs += holdMs;
  item.holdStartedAt = undefined;
  core.emit({ type: 'resumed', at, itemId, queueId: item.queueId, agentId: item.agentId, holdMs });
}
