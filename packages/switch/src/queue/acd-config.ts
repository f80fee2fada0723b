/**
 * The administrator's queue settings in the ACD engine's terms. Overflow to voicemail, to the
 * callback list or to a hang-up announcement is carried out by the switch, so the engine sees all
 * three as a voicemail target told apart by mailbox; overflow to another queue the engine does itself.
 */
import type { QueueConfig as AcdQueueConfig, AgentConfig as AcdAgentConfig } from '@rexian/acd';
import type { AgentConfig, SwitchConfig } from '../switch-config';

export type SwitchQueue = SwitchConfig['queues'][number];

export const OVERFLOW_MAILBOX = { voicemail: 'voicemail', callback: 'callback', hangup: 'hangup' } as const;

export function acdQueueOf(queue: SwitchQueue): AcdQueueConfig {
  const overflow: AcdQueueConfig['overflow'] =
    queue.overflow === 'queue' && queue.overflowQueueId !== null
      ? { kind: 'queue', queueId: String(queue.overflowQueueId) }
      : { kind: 'voicemail', mailbox: OVERFLOW_MAILBOX[queue.overflow === 'queue' ? 'voicemail' : queue.overflow] };
  return {
    id: String(queue.id),
    name: queue.name,
    strategy: queue.strategy,
    ...(queue.maxWaitSec > 0 ? { maxWaitMs: queue.maxWaitSec * 1000, overflow } : {}),
    ringTimeoutMs: queue.ringTimeoutSec * 1000,
    wrapUpMs: queue.wrapUpSec * 1000,
    notReadyOnRingTimeout: true,
    ringTimeoutReason: 'ring-no-answer',
    // The switch keeps the callback list itself (from `abandoned` events), not as ACD work items.
    callbackOnAbandon: false,
    announcements: { music: 'hold-melody', positionEveryMs: queue.announceEverySec * 1000, announceEstimatedWait: true },
  };
}

export function acdAgentOf(agent: AgentConfig): AcdAgentConfig {
  return {
    id: String(agent.userId),
    name: agent.name,
    queues: agent.queues.map((q) => ({ queueId: String(q.queueId), penalty: q.penalty })),
    capacity: { voice: 1 },
  };
}
