/**
 * The configuration the switch runs on, pushed in by the server whenever an administrator changes
 * it (no database query per call): hotline numbers and their routes, published IVR flows, queues
 * with their members, agents, caller lists and the business calendar.
 */
import type { CallerListKind, QueueConfig } from '@rexian/contracts';
import type { IvrCalendar } from './ivr/ivr-channel';

export interface RouteConfig {
  /** The dialled number (DNIS), e.g. '8000'. */
  number: string;
  flowId: number | null;
  queueId: number | null;
}

export interface AgentConfig {
  userId: number;
  name: string;
  /** Queues the agent serves, with the penalty tier (0 first). */
  queues: { queueId: number; penalty: number }[];
}

export interface SwitchConfig {
  routes: RouteConfig[];
  /** Published graph of each flow by flow id (the graph format of `@rexian/contracts` ivr-flow). */
  flows: Map<number, unknown>;
  queues: Omit<QueueConfig, 'members' | 'updatedAt'>[];
  agents: AgentConfig[];
  callerLists: Map<string, CallerListKind>;
  calendar: IvrCalendar;
}

export const EMPTY_CONFIG: SwitchConfig = {
  routes: [],
  flows: new Map(),
  queues: [],
  agents: [],
  callerLists: new Map(),
  calendar: { isOpen: () => true },
};
