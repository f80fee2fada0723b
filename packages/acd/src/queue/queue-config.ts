import type { StrategyName } from '../strategies/strategy';

/**
 * Where an item goes after its maximum wait; the switch acts on the `overflowed` event. A callback
 * needs the caller's number: an item without one keeps waiting, as does one whose target queue is
 * missing.
 */
export type OverflowTarget = { kind: 'queue'; queueId: string } | { kind: 'voicemail'; mailbox?: string } | { kind: 'callback' };

/** A queue (skill group 技能组), as an administrator configures it (ACD-1). */
export interface QueueConfig {
  id: string;
  name?: string;
  /** Skill → minimum level (1–10) an agent needs to be a member. */
  requiredSkills?: Record<string, number>;
  strategy?: StrategyName;
  /** Queue priority for agents in several queues (higher first) when the engine uses that rule. */
  priority?: number;
  /** A waiting item gains one priority point per this many ms; undefined = no aging. */
  agingStepMs?: number;
  /** Passed through to the switch (music, position and wait announcements); the ACD does not play. */
  announcements?: { music?: string; positionEveryMs?: number; announceEstimatedWait?: boolean };
  maxWaitMs?: number;
  overflow?: OverflowTarget;
  /** Items beyond this are refused at entry (`refused` event). */
  maxLength?: number;
  /** Wrap-up (话后处理) after each item; 0 = none. */
  wrapUpMs?: number;
  /** After the wrap-up time: back to ready, or stay not ready. */
  wrapUpEnd?: 'ready' | 'not-ready';
  ringTimeoutMs?: number;
  /** An agent who lets an offer ring out is set not ready (reason ringTimeoutReason). */
  notReadyOnRingTimeout?: boolean;
  ringTimeoutReason?: string;
  /** Service-level threshold, e.g. 20 s. */
  serviceLevelMs?: number;
  /** Abandons under this wait are short abandons (misdials, impatience) kept apart in statistics. */
  shortAbandonMs?: number;
  /** Put callers who hang up (not short abandons) on the callback list 弃线回叫. */
  callbackOnAbandon?: boolean;
  /** Queue that serves the callbacks; default this queue. */
  callbackQueueId?: string;
  callbackPriority?: number;
  /** Seed for the handle-time average behind estimated waits, before any item completed. */
  expectedHandleMs?: number;
}

export type QueueSettings = Required<Omit<QueueConfig, 'name' | 'agingStepMs' | 'announcements' | 'maxWaitMs' | 'overflow' | 'maxLength' | 'callbackQueueId'>> &
  Pick<QueueConfig, 'name' | 'agingStepMs' | 'announcements' | 'maxWaitMs' | 'overflow' | 'maxLength' | 'callbackQueueId'>;

/** Fills in defaults. */
export function queueSettings(config: QueueConfig): QueueSettings {
  return {
    requiredSkills: {},
    strategy: 'longest-idle',
    priority: 0,
    wrapUpMs: 0,
    wrapUpEnd: 'ready',
    ringTimeoutMs: 20_000,
    notReadyOnRingTimeout: true,
    ringTimeoutReason: 'ring-no-answer',
    serviceLevelMs: 20_000,
    shortAbandonMs: 5_000,
    callbackOnAbandon: false,
    callbackPriority: 0,
    expectedHandleMs: 180_000,
    ...(Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as QueueConfig),
  };
}
