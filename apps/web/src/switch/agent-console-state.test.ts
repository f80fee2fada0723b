import { describe, expect, it } from 'vitest';
import type { CtiEvent } from '@rexian/contracts';
import { INITIAL_CONSOLE_STATE, applyEvent, availableActions, fromSnapshot, type AgentConsoleState } from './agent-console-state';

const ME = 7;
const at = '2026-11-22T08:00:00.000Z';
const summary = {
  callId: 'call-1', callerNumber: '13800138000', calledNumber: '8000', queueId: 1, queueName: '综合咨询',
  variables: { account: '10086' }, digits: '1', ivrPath: ['welcome', 'menu'], callerList: null,
};
const agentState = (state: AgentConsoleState['presence'], callId: string | null = null): CtiEvent => ({
  event: 'agent.state', at, agentId: ME, extension: '1001', state, reason: null, since: at, callId,
});

function run(events: CtiEvent[], from: AgentConsoleState = INITIAL_CONSOLE_STATE) {
  return events.reduce((s, e) => applyEvent(s, e, ME), from);
}

describe('agent console state', () => {
  it('offers only 签入 while signed out', () => {
    const actions = availableActions(INITIAL_CONSOLE_STATE);
    expect(Object.entries(actions).filter(([, on]) => on).map(([name]) => name)).toEqual(['login']);
  });

  it('pops the screen with the caller, queue and IVR variables, and lets the agent answer a ringing call', () => {
    const state = run([
      agentState('ready'),
      { event: 'call.offered', at, agentId: ME, call: summary },
      agentState('ringing', 'call-1'),
    ]);
    expect(state.call).toMatchObject({ callerNumber: '13800138000', queueName: '综合咨询', variables: { account: '10086' }, phase: 'ringing' });
    const actions = availableActions(state);
    expect(actions.answer).toBe(true);
    expect(actions.hold).toBe(false);
    expect(actions.logout).toBe(false);
  });

  it('holds and resumes a call in talk, and completes a consult only once the consulted party answered', () => {
    let state = run([
      agentState('ready'),
      { event: 'call.offered', at, agentId: ME, call: summary },
      agentState('ringing', 'call-1'),
      { event: 'call.answered', at, agentId: ME, callId: 'call-1' },
      agentState('talking', 'call-1'),
    ]);
    expect(state.call?.answeredAt).toBe(at);
    expect(availableActions(state)).toMatchObject({ hold: true, resume: false, transfer: true, consult: true, answer: false });
    state = run([{ event: 'call.held', at, agentId: ME, callId: 'call-1' }], state);
    expect(availableActions(state)).toMatchObject({ hold: false, resume: true });
    state = run([{ event: 'call.resumed', at, agentId: ME, callId: 'call-1' }], state);
    state = run([{ event: 'call.consulting', at, agentId: ME, callId: 'call-1', target: '1002', state: 'ringing' }], state);
    expect(availableActions(state)).toMatchObject({ consultTransfer: false, consultCancel: true, conference: false, consult: false });
    state = run([{ event: 'call.consulting', at, agentId: ME, callId: 'call-1', target: '1002', state: 'answered' }], state);
    expect(availableActions(state)).toMatchObject({ consultTransfer: true, conference: true });
  });

  it('keeps the ended call on screen through wrap-up and clears it when the agent is free again', () => {
    let state = run([
      agentState('talking', 'call-1'),
      { event: 'call.offered', at, agentId: ME, call: summary },
      { event: 'call.answered', at, agentId: ME, callId: 'call-1' },
      { event: 'call.ended', at, agentId: ME, callId: 'call-1', outcome: 'answered', reason: 'bye' },
      agentState('wrap-up', 'call-1'),
    ]);
    expect(state.call?.phase).toBe('ended');
    expect(availableActions(state)).toMatchObject({ wrapUpDone: true, hangup: false, ready: true });
    state = run([agentState('ready')], state);
    expect(state.call).toBeNull();
  });

  it('ignores events about other agents and other calls', () => {
    const state = run([agentState('ready'), { event: 'call.offered', at, agentId: ME + 1, call: summary }, { event: 'call.digits', at, callId: 'other', digit: '9' }]);
    expect(state.call).toBeNull();
    expect(state.presence).toBe('ready');
  });

  it('rebuilds the console from a snapshot after a reconnect', () => {
    const state = fromSnapshot({
      agents: [{ agentId: ME, extension: '1001', state: 'talking', reason: null, since: at, callId: 'call-1' }],
      queues: [],
      calls: [{ ...summary, state: 'held', agentId: ME, startedAt: at }],
    }, ME);
    expect(state).toMatchObject({ presence: 'talking', extension: '1001', call: { callId: 'call-1', phase: 'held' } });
    expect(fromSnapshot({ agents: [], queues: [], calls: [] }, ME)).toEqual(INITIAL_CONSOLE_STATE);
  });
});
