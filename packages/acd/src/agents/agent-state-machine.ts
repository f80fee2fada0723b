import { InvalidStateError } from '../acd-errors';

/**
 * Agent states (ACD-5). Ringing and busy are not states: they follow from the agent's offers and
 * assignments against a per-channel capacity, because an agent on a call may still take a chat.
 *
 * ```
 *              login                       setReady
 *   LoggedOut ───────▶ NotReady ◀─────────────────────────▶ Ready
 *     │  ▲              ▲  (NotReady → NotReady:  setNotReady, │  ▲
 *     │  │              │   a new reason code)    ring-out     │  │
 *     │  │              │                                      │  │ expiry (auto-ready),
 *     │  │              │ setNotReady, expiry    complete, the │  │ endWrapUp, setReady
 *     │  │              │ (stay not ready)       queue has     ▼  │
 *     │  │              └─────────────────────── wrap-up ─── WrapUp
 *     │  └── logout, from any other state
 *     └───── login({ ready: true }) ─────────────────────────▶ Ready
 * ```
 */
export enum AgentState {
  LoggedOut = 'logged-out',
  Ready = 'ready',
  NotReady = 'not-ready',
  WrapUp = 'wrap-up',
}

const ALLOWED: Readonly<Record<AgentState, readonly AgentState[]>> = {
  [AgentState.LoggedOut]: [AgentState.NotReady, AgentState.Ready],
  [AgentState.Ready]: [AgentState.NotReady, AgentState.WrapUp, AgentState.LoggedOut],
  [AgentState.NotReady]: [AgentState.Ready, AgentState.NotReady, AgentState.LoggedOut],
  [AgentState.WrapUp]: [AgentState.Ready, AgentState.NotReady, AgentState.LoggedOut],
};

/** One change, with how long the agent was in the state it left (for statistics). */
export interface StateChange {
  from: AgentState;
  to: AgentState;
  reason: string | undefined;
  previousReason: string | undefined;
  durationMs: number;
}

/** The agent's state, its reason code and since when; every change through transitionTo. */
export class AgentStateMachine {
  constructor(
    public state: AgentState = AgentState.LoggedOut,
    public since = 0,
    public reason: string | undefined = undefined,
  ) {}

  can(to: AgentState): boolean {
    return ALLOWED[this.state].includes(to);
  }

  transitionTo(to: AgentState, at: number, reason?: string): StateChange {
    if (!this.can(to)) throw new InvalidStateError(`agent cannot go from ${this.state} to ${to}`);
    const change: StateChange = { from: this.state, to, reason, previousReason: this.reason, durationMs: at - this.since };
    this.state = to;
    this.since = at;
    this.reason = reason;
    return change;
  }
}
