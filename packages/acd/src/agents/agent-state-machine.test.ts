import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../acd-errors';
import { AgentState, AgentStateMachine } from './agent-state-machine';

describe('AgentStateMachine', () => {
  it('keeps the time of each change and reports how long the previous state lasted', () => {
    const machine = new AgentStateMachine();
    machine.transitionTo(AgentState.NotReady, 1_000, 'login');
    const change = machine.transitionTo(AgentState.Ready, 4_000);
    expect(change).toMatchObject({ from: AgentState.NotReady, to: AgentState.Ready, durationMs: 3_000, previousReason: 'login' });
    expect(machine).toMatchObject({ state: AgentState.Ready, since: 4_000, reason: undefined });
  });

  it.each([
    [AgentState.LoggedOut, AgentState.WrapUp],
    [AgentState.Ready, AgentState.Ready],
    [AgentState.NotReady, AgentState.WrapUp],
    [AgentState.WrapUp, AgentState.WrapUp],
  ])('refuses %s → %s', (from, to) => {
    const machine = new AgentStateMachine(from);
    expect(() => machine.transitionTo(to, 0)).toThrow(InvalidStateError);
    expect(machine.state).toBe(from);
  });
});
