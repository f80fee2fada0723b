import { InvalidConfigError } from '../acd-errors';
import type { Channel } from '../work-item';

/** An agent's membership in a queue; a lower penalty is served first (see routing/candidates). */
export interface Membership {
  queueId: string;
  penalty?: number;
}

/** An agent as an administrator configures them (ACD-1, ACD-6). */
export interface AgentConfig {
  id: string;
  name?: string;
  /** Skill → level 1–10. */
  skills?: Record<string, number>;
  queues: Membership[];
  /** Items of each channel at once; default one call (voice or callback each). */
  capacity?: Partial<Record<Channel, number>>;
  /** While on a call (voice or callback) take nothing else; default true. False lets a caller-side agent still take chats. */
  callBlocksOtherChannels?: boolean;
}

export const DEFAULT_CAPACITY: Readonly<Partial<Record<Channel, number>>> = { voice: 1, callback: 1 };

/** Rejects configurations that cannot work. */
export function checkAgentConfig(config: AgentConfig): void {
  for (const [skill, level] of Object.entries(config.skills ?? {})) {
    if (!Number.isInteger(level) || level < 1 || level > 10) {
      throw new InvalidConfigError(`agent ${config.id}: skill ${skill} level ${level} is not 1–10`);
    }
  }
  for (const [channel, n] of Object.entries(config.capacity ?? {})) {
    if (!Number.isInteger(n) || n < 0) throw new InvalidConfigError(`agent ${config.id}: capacity ${channel} ${n}`);
  }
}
