import type { AgentPresence, CallSummary, CtiEvent, CtiSnapshot } from '@rexian/contracts';

export type ConsultState = 'ringing' | 'answered' | 'failed' | 'ended';

/** The call on the agent's screen: the screen pop (who, from which queue, what they keyed) and where it stands. */
export interface ConsoleCall extends CallSummary {
  phase: 'ringing' | 'talking' | 'held' | 'ended';
  /** When the talk began, for the call timer; null while it rings. */
  answeredAt: string | null;
  consult: { target: string; state: ConsultState } | null;
  conferenced: boolean;
}

/** What the agent console shows: this agent's state and their current call. */
export interface AgentConsoleState {
  presence: AgentPresence;
  extension: string | null;
  reason: string | null;
  since: string | null;
  call: ConsoleCall | null;
}

export const INITIAL_CONSOLE_STATE: AgentConsoleState = { presence: 'logged-out', extension: null, reason: null, since: null, call: null };

function blankCall(callId: string, callerNumber: string, calledNumber: string): ConsoleCall {
  return {
    callId, callerNumber, calledNumber, queueId: null, queueName: null, variables: {}, digits: '', ivrPath: [], callerList: null,
    phase: 'ringing', answeredAt: null, consult: null, conferenced: false,
  };
}

/** Rebuilds the console from a snapshot (after connecting, and after every reconnect). */
export function fromSnapshot(snapshot: CtiSnapshot, agentId: number): AgentConsoleState {
  const agent = snapshot.agents.find((a) => a.agentId === agentId);
  if (!agent) return INITIAL_CONSOLE_STATE;
  const live = snapshot.calls.find((c) => (agent.callId ? c.callId === agent.callId : c.agentId === agentId && c.state !== 'ended'));
  let call: ConsoleCall | null = null;
  if (live) {
    const { state, agentId: _agent, startedAt, ...summary } = live;
    const phase = state === 'held' ? 'held' : state === 'talking' ? 'talking' : state === 'ended' ? 'ended' : 'ringing';
    // The snapshot has no answer time: the timer counts from the call's start, the closest it knows.
    call = { ...summary, phase, answeredAt: phase === 'talking' || phase === 'held' ? startedAt : null, consult: null, conferenced: false };
  }
  return { presence: agent.state, extension: agent.extension, reason: agent.reason, since: agent.since, call };
}

/** Applies one CTI event; events about other agents and other calls change nothing. */
export function applyEvent(state: AgentConsoleState, event: CtiEvent, agentId: number): AgentConsoleState {
  const call = state.call;
  const onMyCall = 'callId' in event && call !== null && event.callId === call.callId;
  switch (event.event) {
    case 'agent.state':
      if (event.agentId !== agentId) return state;
      return {
        presence: event.state,
        extension: event.extension,
        reason: event.reason,
        since: event.since,
        // The call stays on screen through wrap-up; it leaves when the agent is free again.
        call: event.state === 'ready' || event.state === 'not-ready' || event.state === 'logged-out' ? (call && call.phase !== 'ended' && call.callId === event.callId ? call : null) : call,
      };
    case 'call.offered':
      if (event.agentId !== agentId) return state;
      return { ...state, call: { ...blankCall(event.call.callId, event.call.callerNumber, event.call.calledNumber), ...event.call } };
    case 'call.dialing':
      if (event.agentId !== agentId) return state;
      return { ...state, call: blankCall(event.callId, state.extension ?? '', event.target) };
    case 'call.ringing':
      if (event.agentId !== agentId || call?.callId === event.callId) return state;
      return { ...state, call: blankCall(event.callId, '', event.extension) };
    case 'call.answered':
    case 'call.resumed':
      if (!onMyCall) return state;
      return { ...state, call: { ...call, phase: 'talking', answeredAt: call.answeredAt ?? event.at } };
    case 'call.held':
      return onMyCall ? { ...state, call: { ...call, phase: 'held' } } : state;
    case 'call.consulting':
      return onMyCall ? { ...state, call: { ...call, consult: event.state === 'ended' || event.state === 'failed' ? null : { target: event.target, state: event.state } } } : state;
    case 'call.conferenced':
      return onMyCall ? { ...state, call: { ...call, consult: null, conferenced: true } } : state;
    case 'call.transferred':
    case 'call.ended':
      return onMyCall ? { ...state, call: { ...call, phase: 'ended', consult: null } } : state;
    case 'call.digits':
      return onMyCall ? { ...state, call: { ...call, digits: call.digits + event.digit } } : state;
    default:
      return state;
  }
}

/** The console buttons, each enabled only when it makes sense now. */
export interface ConsoleActions {
  login: boolean;
  logout: boolean;
  ready: boolean;
  notReady: boolean;
  wrapUpDone: boolean;
  answer: boolean;
  hangup: boolean;
  hold: boolean;
  resume: boolean;
  transfer: boolean;
  consult: boolean;
  consultTransfer: boolean;
  consultCancel: boolean;
  conference: boolean;
  dial: boolean;
}

/** Nothing can be sent while the CTI connection is down. */
export const NO_ACTIONS: ConsoleActions = {
  login: false, logout: false, ready: false, notReady: false, wrapUpDone: false, answer: false, hangup: false, hold: false,
  resume: false, transfer: false, consult: false, consultTransfer: false, consultCancel: false, conference: false, dial: false,
};

export function availableActions(state: AgentConsoleState): ConsoleActions {
  const { presence, call } = state;
  const signedIn = presence !== 'logged-out';
  const idle = presence === 'ready' || presence === 'not-ready';
  const live = call !== null && call.phase !== 'ended';
  const inTalk = live && (call.phase === 'talking' || call.phase === 'held');
  const consult = live ? call.consult : null;
  return {
    login: !signedIn,
    logout: signedIn && !live,
    ready: presence === 'not-ready' || presence === 'wrap-up',
    notReady: presence === 'ready' || presence === 'wrap-up',
    wrapUpDone: presence === 'wrap-up',
    answer: live && call.phase === 'ringing' && presence === 'ringing',
    hangup: live,
    hold: inTalk && call.phase === 'talking' && consult === null,
    resume: inTalk && call.phase === 'held' && consult === null,
    transfer: inTalk && consult === null,
    consult: inTalk && consult === null && !call.conferenced,
    consultTransfer: consult?.state === 'answered',
    consultCancel: consult !== null,
    conference: consult?.state === 'answered',
    dial: idle && !live,
  };
}
