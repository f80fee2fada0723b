import type { CallOutcome } from '@rexian/contracts';

/** Tag colours of the call outcomes: green answered, red refused or failed, orange for callers lost. */
export const OUTCOME_COLOURS: Record<CallOutcome, string> = {
  'in-progress': 'processing',
  answered: 'green',
  abandoned: 'orange',
  'self-service': 'cyan',
  voicemail: 'purple',
  callback: 'geekblue',
  transferred: 'blue',
  refused: 'red',
  failed: 'red',
  'no-answer': 'gold',
  interrupted: 'default',
};
