/** Channels served by one queue model (ACD-6). A callback is an outbound call we owe a caller. */
export type Channel = 'voice' | 'email' | 'chat' | 'callback';

export const CHANNELS: readonly Channel[] = ['voice', 'email', 'chat', 'callback'];

/** Channels that occupy the agent's phone; see AgentConfig.callBlocksOtherChannels. */
export function isCallChannel(channel: Channel): boolean {
  return channel === 'voice' || channel === 'callback';
}

/** What the switch or a channel connector hands to enqueue(). */
export interface WorkItemInput {
  id: string;
  queueId: string;
  channel: Channel;
  /** Higher first (VIP, transferred, callback …); default 0. */
  priority?: number;
  /** Kept so that an abandoned caller can be called back. */
  callerNumber?: string;
  data?: Record<string, unknown>;
}

export type ItemPhase = 'waiting' | 'offered' | 'assigned';

/** A live work item: plain JSON so that a snapshot is a copy. */
export interface WorkItem {
  id: string;
  queueId: string;
  channel: Channel;
  priority: number;
  callerNumber?: string;
  data?: Record<string, unknown>;
  /** When it entered its current queue. */
  enqueuedAt: number;
  /** Arrival order, the last tie-break. */
  seq: number;
  phase: ItemPhase;
  offerIds: string[];
  /** Agents who rejected it or let it ring out: not offered it again. */
  skippedAgents: string[];
  /** Its maximum wait passed while it was ringing: overflow as soon as it is back. */
  overdue: boolean;
  agentId?: string;
  acceptedAt?: number;
  talkStartedAt?: number;
  holdStartedAt?: number;
  holdMs: number;
}
