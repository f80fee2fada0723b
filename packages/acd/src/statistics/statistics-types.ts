/** Accumulated per queue from the event stream. */
export interface QueueCounters {
  /** Items that entered the queue (queued, overflow in included). */
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  /** All abandons, short ones included. */
  abandoned: number;
  shortAbandoned: number;
  overflowed: number;
  refused: number;
  /** Sum of waits of answered items (for ASA). */
  answerWaitMs: number;
  /** Sum and count of waits of every item that left waiting (answered, abandoned, overflowed). */
  waitMs: number;
  waits: number;
  completed: number;
  talkMs: number;
  holdMs: number;
  wrapUpMs: number;
}

/** Accumulated per agent from the event stream. */
export interface AgentCounters {
  offered: number;
  answered: number;
  rejected: number;
  timedOut: number;
  completed: number;
  talkMs: number;
  holdMs: number;
  wrapUpMs: number;
  /** Closed time per state (ms); the current state runs from `since`. */
  stateMs: Record<string, number>;
  state: string;
  since: number;
}

/** Figures for wallboards and reports; null where the denominator is zero. */
export interface QueueStatistics extends QueueCounters {
  /** Answered within the threshold ÷ answered. */
  serviceLevel: number | null;
  /** Answered within ÷ (answered + abandoned), short abandons excluded from the abandoned. */
  serviceLevelWithAbandons: number | null;
  /** Average speed of answer. */
  asaMs: number | null;
  /** Average wait of every item that left waiting. */
  averageWaitMs: number | null;
  /** Average handle time: (talk + hold + wrap-up) ÷ completed. */
  ahtMs: number | null;
}

export interface AgentStatistics extends AgentCounters {
  /** Time signed in (every state but logged out), the current stretch included. */
  loggedInMs: number;
  ahtMs: number | null;
  /**
   * (talk + hold + wrap-up) ÷ time ready or in wrap-up. Item times add up, so an agent with
   * several chats at once can exceed 1.
   */
  occupancy: number | null;
}
