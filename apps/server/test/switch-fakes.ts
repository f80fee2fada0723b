/**
 * A stand-in for the running call switch in API tests: a CTI port that records the commands it
 * gets and emits the events a test pushes, and a reload counter.
 */
import type { CtiCommand, CtiEvent, CtiResult, CtiSnapshot } from '@rexian/contracts';
import type { CtiPort } from '@rexian/switch';
import type { SwitchStatus } from '../src/modules/switch/switch-status';

export class FakeCtiPort implements CtiPort {
  readonly commands: { agentId: number; command: CtiCommand }[] = [];
  readonly listeners = new Set<(event: CtiEvent) => void>();
  answer: (agentId: number, command: CtiCommand) => CtiResult = (_agentId, command) => ({ ok: true, callId: 'callId' in command ? command.callId : null, message: null });
  current: CtiSnapshot = {
    agents: [{ agentId: 1, extension: '1001', state: 'ready', reason: null, since: '2026-11-22T08:00:00.000Z', callId: null }],
    queues: [{ queueId: 1, waiting: 2, longestWaitMs: 15_000, agentsReady: 1, agentsBusy: 0 }],
    calls: [],
  };

  async execute(agentId: number, command: CtiCommand): Promise<CtiResult> {
    this.commands.push({ agentId, command });
    return this.answer(agentId, command);
  }

  on(listener: (event: CtiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): CtiSnapshot {
    return this.current;
  }

  emit(event: CtiEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export function fakeSwitchboard(): SwitchStatus & { cti: FakeCtiPort; reloads: number } {
  const board = {
    cti: new FakeCtiPort(),
    reloads: 0,
    reload: async () => {
      board.reloads++;
    },
  };
  return board;
}
