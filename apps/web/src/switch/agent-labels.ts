import type { AgentPresence } from '@rexian/contracts';

export const PRESENCE_COLOURS: Record<AgentPresence, string> = {
  'logged-out': 'default',
  ready: 'green',
  'not-ready': 'orange',
  ringing: 'processing',
  talking: 'red',
  'wrap-up': 'purple',
};

/** 置忙 reasons offered on the console, sent as their codes. */
export const NOT_READY_REASONS = ['rest', 'meal', 'training', 'other'] as const;

/** Reasons the switch sets by itself: 'login' (signed in not ready), 'busy' (置忙 without a reason). */
export const SWITCH_REASONS = ['login', 'busy'] as const;

export type ReasonCode = (typeof NOT_READY_REASONS)[number] | (typeof SWITCH_REASONS)[number];
const KNOWN_REASONS: readonly string[] = [...NOT_READY_REASONS, ...SWITCH_REASONS];

/** Whether the console has a label for a not-ready reason (others, from another client, show as sent). */
export function isKnownReason(code: string): code is ReasonCode {
  return KNOWN_REASONS.includes(code);
}
