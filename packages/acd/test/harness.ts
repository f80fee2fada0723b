import { AcdEngine, FakeClock, type AcdEngineOptions, type AcdEvent, type AgentConfig, type QueueConfig } from '../src/index';

/** An engine on a fake clock that records its events, with shorthands for the tests. */
export interface Harness {
  clock: FakeClock;
  engine: AcdEngine;
  events: AcdEvent[];
  /** Events of one type, narrowed. */
  of<T extends AcdEvent['type']>(type: T): Array<Extract<AcdEvent, { type: T }>>;
  /** Offer ids still ringing at an agent. */
  offersOf(agentId: string): string[];
  /** The last offer made to an agent (its id). */
  lastOfferTo(agentId: string): string;
}

export function harness(options: Omit<AcdEngineOptions, 'clock'> = {}, start = 1_000_000): Harness {
  const clock = new FakeClock(start);
  const engine = new AcdEngine({ ...options, clock });
  const events: AcdEvent[] = [];
  engine.on((e) => events.push(e));
  const of = <T extends AcdEvent['type']>(type: T) => events.filter((e): e is Extract<AcdEvent, { type: T }> => e.type === type);
  return {
    clock,
    engine,
    events,
    of,
    offersOf: (agentId) => engine.agent(agentId).offers,
    lastOfferTo: (agentId) => {
      const offer = of('offered').filter((e) => e.agentId === agentId).at(-1);
      if (!offer) throw new Error(`no offer to ${agentId}`);
      return offer.offerId;
    },
  };
}

/** A queue config with quick test defaults. */
export function queue(id: string, extra: Partial<QueueConfig> = {}): QueueConfig {
  return { id, ringTimeoutMs: 10_000, ...extra };
}

/** An agent in the given queues (penalty 0), default capacity. */
export function agent(id: string, queues: string[], extra: Partial<AgentConfig> = {}): AgentConfig {
  return { id, queues: queues.map((queueId) => ({ queueId })), ...extra };
}
