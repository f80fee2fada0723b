import type { AgentState } from './agents/agent-state-machine';
import type { OverflowTarget } from './queue/queue-config';
import type { Channel } from './work-item';

/**
 * Every decision the engine takes, as a typed event with its time `at`. Statistics are computed
 * from these alone, and the switch acts on them (ring a phone, play a prompt, leave a voicemail).
 */
export type AcdEvent =
  | { type: 'queued'; at: number; itemId: string; queueId: string; channel: Channel; priority: number }
  | { type: 'refused'; at: number; itemId: string; queueId: string; channel: Channel; reason: 'max-length' }
  | { type: 'offered'; at: number; offerId: string; itemId: string; queueId: string; agentId: string; channel: Channel; ringTimeoutMs: number }
  | { type: 'accepted'; at: number; offerId: string; itemId: string; queueId: string; agentId: string; waitMs: number; withinServiceLevel: boolean }
  | { type: 'rejected'; at: number; offerId: string; itemId: string; queueId: string; agentId: string }
  | { type: 'offer-timed-out'; at: number; offerId: string; itemId: string; queueId: string; agentId: string }
  | { type: 'offer-withdrawn'; at: number; offerId: string; itemId: string; queueId: string; agentId: string; reason: WithdrawReason }
  | { type: 'overflowed'; at: number; itemId: string; queueId: string; target: OverflowTarget; waitMs: number }
  | { type: 'abandoned'; at: number; itemId: string; queueId: string; waitMs: number; short: boolean; withinServiceLevel: boolean }
  | { type: 'callback-requested'; at: number; itemId: string; originalItemId: string; queueId: string; callerNumber: string }
  | { type: 'talk-started'; at: number; itemId: string; queueId: string; agentId: string }
  | { type: 'held'; at: number; itemId: string; queueId: string; agentId: string }
  | { type: 'resumed'; at: number; itemId: string; queueId: string; agentId: string; holdMs: number }
  | { type: 'completed'; at: number; itemId: string; queueId: string; agentId: string; channel: Channel; talkMs: number; holdMs: number }
  | { type: 'wrap-up-ended'; at: number; agentId: string; itemId: string; queueId: string; wrapUpMs: number }
  | {
      type: 'agent-state-changed';
      at: number;
      agentId: string;
      from: AgentState;
      to: AgentState;
      reason: string | undefined;
      /** Time spent in `from`. */
      durationMs: number;
    };

export type WithdrawReason = 'accepted-elsewhere' | 'abandoned' | 'agent-unavailable' | 'overflowed';

export type AcdEventType = AcdEvent['type'];

export type AcdListener = (event: AcdEvent) => void;
