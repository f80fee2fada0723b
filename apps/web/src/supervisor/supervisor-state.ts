/**
 * What the team leader's console shows, kept from the CTI snapshot and events: every signed-in
 * agent (state, since when, current call), every queue (waiting, longest wait, ready, busy), the live
 * calls (who calls, which queue, which agent) and the help requests 求助 not yet dismissed.
 */
import type { CallSummary, CtiEvent, CtiSnapshot } from '@rexian/contracts';

export type AgentRow = CtiSnapshot['agents'][number];
export type QueueRow = CtiSnapshot['queues'][number] & { at: number };
export type LiveCall = CallSummary & { agentId: number | null; state: string };
export interface HelpRequest { key: string; agentId: number; extension: string | null; callId: string | null; message: string; at: string }

export interface SupervisorState {
  agents: Map<number, AgentRow>;
  queues: Map<number, QueueRow>;
  calls: Map<string, LiveCall>;
  help: HelpRequest[];
  /** Calls the leader supervises now, with the mode. */
  supervising: Map<string, 'listen' | 'whisper' | 'barge'>;
}

export const EMPTY_SUPERVISOR: SupervisorState = { agents: new Map(), queues: new Map(), calls: new Map(), help: [], supervising: new Map() };

export function fromSnapshot(snapshot: CtiSnapshot, keep: SupervisorState = EMPTY_SUPERVISOR): SupervisorState {
  const now = Date.now();
  return {
    agents: new Map(snapshot.agents.map((a) => [a.agentId, a])),
    queues: new Map(snapshot.queues.map((q) => [q.queueId, { ...q, at: now }])),
    calls: new Map(snapshot.calls.map((c) => [c.callId, { ...c }])),
    // Help requests are news, not state: they survive a resync.
    help: keep.help,
    supervising: keep.supervising,
  };
}

export function applyEvent(state: SupervisorState, event: CtiEvent, me: number): SupervisorState {
  switch (event.event) {
    case 'agent.state': {
      const agents = new Map(state.agents);
      if (event.state === 'logged-out') agents.delete(event.agentId);
      else agents.set(event.agentId, { agentId: event.agentId, extension: event.extension, state: event.state, reason: event.reason, since: event.since, callId: event.callId });
      return { ...state, agents };
    }
    case 'queue.changed': {
      const queues = new Map(state.queues);
      queues.set(event.queueId, { queueId: event.queueId, waiting: event.waiting, longestWaitMs: event.longestWaitMs, agentsReady: event.agentsReady, agentsBusy: event.agentsBusy, at: Date.parse(event.at) });
      return { ...state, queues };
    }
    case 'call.offered': {
      const calls = new Map(state.calls);
      calls.set(event.call.callId, { ...event.call, agentId: event.agentId, state: 'ringing' });
      return { ...state, calls };
    }
    case 'call.answered':
    case 'call.held':
    case 'call.resumed': {
      const call = state.calls.get(event.callId);
      if (!call) return state;
      const calls = new Map(state.calls);
      calls.set(event.callId, { ...call, agentId: event.agentId ?? call.agentId, state: event.event === 'call.held' ? 'held' : 'talking' });
      return { ...state, calls };
    }
    case 'call.ended': {
      const calls = new Map(state.calls);
      calls.delete(event.callId);
      const supervising = new Map(state.supervising);
      supervising.delete(event.callId);
      return { ...state, calls, supervising };
    }
    case 'call.supervised': {
      if (event.supervisorId !== me) return state;
      const supervising = new Map(state.supervising);
      if (event.mode === 'ended') supervising.delete(event.callId);
      else supervising.set(event.callId, event.mode);
      return { ...state, supervising };
    }
    case 'agent.help-requested':
      return {
        ...state,
        help: [{ key: `${event.agentId}-${event.at}`, agentId: event.agentId, extension: event.extension, callId: event.callId, message: event.message, at: event.at }, ...state.help].slice(0, 50),
      };
    default:
      return state;
  }
}

export function dismissHelp(state: SupervisorState, key: string): SupervisorState {
  return { ...state, help: state.help.filter((h) => h.key !== key) };
}
