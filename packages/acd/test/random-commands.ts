import fc from 'fast-check';
import { AcdError, type AcdEngine, type AgentConfig, type Channel, type QueueConfig } from '../src/index';

/** A fixed centre for the property tests: three queues that use most features, four agents. */
export const QUEUES: QueueConfig[] = [
  { id: 'q1', strategy: 'longest-idle', ringTimeoutMs: 5_000, wrapUpMs: 2_000, maxWaitMs: 30_000, overflow: { kind: 'queue', queueId: 'q2' }, callbackOnAbandon: true, callbackQueueId: 'q3', maxLength: 6, shortAbandonMs: 3_000, serviceLevelMs: 8_000 },
  { id: 'q2', strategy: 'ring-all', ringTimeoutMs: 4_000, wrapUpMs: 1_000, wrapUpEnd: 'not-ready', agingStepMs: 1_000, maxWaitMs: 20_000, overflow: { kind: 'callback' }, callbackQueueId: 'q3', priority: 2 },
  { id: 'q3', strategy: 'round-robin', requiredSkills: { callback: 3 }, ringTimeoutMs: 6_000, notReadyOnRingTimeout: false, maxWaitMs: 40_000, overflow: { kind: 'voicemail' } },
];

export const AGENTS: AgentConfig[] = [
  { id: 'a1', queues: [{ queueId: 'q1' }, { queueId: 'q2' }], capacity: { voice: 1, chat: 2 }, callBlocksOtherChannels: false },
  { id: 'a2', queues: [{ queueId: 'q1' }, { queueId: 'q3' }], skills: { callback: 5 } },
  { id: 'a3', queues: [{ queueId: 'q2' }, { queueId: 'q3' }], skills: { callback: 2 }, capacity: { voice: 1, chat: 3, email: 1 } },
  { id: 'a4', queues: [{ queueId: 'q1', penalty: 1 }, { queueId: 'q2' }, { queueId: 'q3' }], skills: { callback: 4 }, capacity: { voice: 1, callback: 1, chat: 1, email: 2 } },
];

/** Ids to pick from: offers ringing, items not yet answered, items answered. */
export interface Live {
  offers: string[];
  items: string[];
  assigned: string[];
}

export type Command =
  | { kind: 'enqueue'; queue: number; channel: Channel; priority: number; caller: boolean }
  | { kind: 'offer'; action: 'accept' | 'reject'; pick: number }
  | { kind: 'item'; action: 'abandon' | 'startTalk' | 'hold' | 'resume' | 'complete'; pick: number }
  | { kind: 'agent'; agent: number; action: 'login' | 'loginReady' | 'logout' | 'ready' | 'notReady' | 'endWrapUp' }
  | { kind: 'advance'; ms: number };

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('enqueue' as const), queue: fc.nat(2), channel: fc.constantFrom<Channel>('voice', 'voice', 'chat', 'email', 'callback'), priority: fc.nat(3), caller: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('offer' as const), action: fc.constantFrom('accept' as const, 'accept' as const, 'reject' as const), pick: fc.nat(20) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('item' as const), action: fc.constantFrom('abandon' as const, 'startTalk' as const, 'hold' as const, 'resume' as const, 'complete' as const, 'complete' as const), pick: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('agent' as const), agent: fc.nat(3), action: fc.constantFrom('login' as const, 'loginReady' as const, 'logout' as const, 'ready' as const, 'ready' as const, 'notReady' as const, 'endWrapUp' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 15_000 }) }) },
);

/** Engine set-up shared by the property tests. */
export function setUp(engine: AcdEngine): void {
  for (const q of QUEUES) engine.addQueue(q);
  for (const a of AGENTS) engine.addAgent(a);
  for (const a of AGENTS.slice(0, 3)) engine.login(a.id, { ready: true });
}

/** Command sequences long enough to fill queues, ring out, overflow and wrap up. */
export const commandsArb = fc.array(commandArb, { minLength: 10, maxLength: 120 });

/**
 * Applies one command. Ids are picked among what is live (offers, items) so most commands do
 * something; expected refusals (AcdError) are part of the game, anything else is a bug.
 */
export function apply(engine: AcdEngine, advance: (ms: number) => void, command: Command, counter: { n: number }, live: () => Live): void {
  const pick = (list: string[], n: number): string | undefined => (list.length ? list[n % list.length] : undefined);
  try {
    switch (command.kind) {
      case 'enqueue': {
        const id = `i${++counter.n}`;
        engine.enqueue({ id, queueId: `q${command.queue + 1}`, channel: command.channel, priority: command.priority, ...(command.caller ? { callerNumber: `1380000${counter.n}` } : {}) });
        break;
      }
      case 'offer': {
        const offer = pick(live().offers, command.pick);
        if (offer) engine[command.action](offer);
        break;
      }
      case 'item': {
        const { items, assigned } = live();
        const item = pick(command.action === 'abandon' ? items : assigned, command.pick);
        if (item) engine[command.action](item);
        break;
      }
      case 'agent': {
        const id = `a${command.agent + 1}`;
        if (command.action === 'login') engine.login(id);
        else if (command.action === 'loginReady') engine.login(id, { ready: true });
        else if (command.action === 'logout') engine.logout(id);
        else if (command.action === 'ready') engine.setReady(id);
        else if (command.action === 'notReady') engine.setNotReady(id, 'break');
        else engine.endWrapUp(id);
        break;
      }
      case 'advance':
        advance(command.ms);
        break;
    }
  } catch (error) {
    if (!(error instanceof AcdError)) throw error;
  }
}
