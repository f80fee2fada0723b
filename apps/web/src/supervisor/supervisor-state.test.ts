import { describe, expect, it } from 'vitest';
import type { CtiSnapshot } from '@rexian/contracts';
import { EMPTY_SUPERVISOR, applyEvent, dismissHelp, fromSnapshot } from './supervisor-state';

const at = '2026-11-22T08:00:00.000Z';
const snapshot: CtiSnapshot = {
  agents: [{ agentId: 3, extension: '1001', state: 'ready', reason: null, since: at, callId: null }],
  queues: [{ queueId: 1, waiting: 0, longestWaitMs: 0, agentsReady: 1, agentsBusy: 0 }],
  calls: [],
};
const call = { callId: 'c1', callerNumber: '13900001111', calledNumber: '8000', queueId: 1, queueName: '业务咨询', variables: {}, digits: '3', ivrPath: [], callerList: null };

describe('the supervisor console state', () => {
  it('follows agents, queues and calls from the snapshot and the events', () => {
    let state = fromSnapshot(snapshot);
    state = applyEvent(state, { event: 'call.offered', at, agentId: 3, call }, 9);
    state = applyEvent(state, { event: 'call.answered', at, agentId: 3, callId: 'c1' }, 9);
    state = applyEvent(state, { event: 'agent.state', at, agentId: 3, extension: '1001', state: 'talking', reason: null, since: at, callId: 'c1' }, 9);
    state = applyEvent(state, { event: 'queue.changed', at, queueId: 1, waiting: 2, longestWaitMs: 5000, agentsReady: 0, agentsBusy: 1 }, 9);
    expect(state.agents.get(3)).toMatchObject({ state: 'talking', callId: 'c1' });
    expect(state.calls.get('c1')).toMatchObject({ state: 'talking', agentId: 3, callerNumber: '13900001111' });
    expect(state.queues.get(1)).toMatchObject({ waiting: 2, longestWaitMs: 5000 });
    state = applyEvent(state, { event: 'call.ended', at, agentId: 3, callId: 'c1', outcome: 'answered', reason: 'caller-bye' }, 9);
    expect(state.calls.size).toBe(0);
    state = applyEvent(state, { event: 'agent.state', at, agentId: 3, extension: '1001', state: 'logged-out', reason: null, since: at, callId: null }, 9);
    expect(state.agents.size).toBe(0);
  });

  it('keeps help requests across a resync until dismissed, and only its own supervisions', () => {
    let state = applyEvent(EMPTY_SUPERVISOR, { event: 'agent.help-requested', at, agentId: 3, extension: '1001', callId: null, message: '客户情绪激动' }, 9);
    state = applyEvent(state, { event: 'call.supervised', at, agentId: 3, callId: 'c1', supervisorId: 9, mode: 'listen' }, 9);
    state = applyEvent(state, { event: 'call.supervised', at, agentId: 4, callId: 'c2', supervisorId: 10, mode: 'barge' }, 9);
    state = fromSnapshot(snapshot, state);
    expect(state.help.map((h) => h.message)).toEqual(['客户情绪激动']);
    expect([...state.supervising]).toEqual([['c1', 'listen']]);
    expect(dismissHelp(state, state.help[0]!.key).help).toEqual([]);
  });
});
