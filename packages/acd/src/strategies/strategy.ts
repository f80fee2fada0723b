/** Names of the distribution strategies (ACD-2), one file each in this folder. */
export type StrategyName =
  | 'longest-idle'
  | 'round-robin'
  | 'fewest-calls'
  | 'least-talk-time'
  | 'ring-all'
  | 'skill-weighted'
  | 'linear'
  | 'random';

/** What a strategy may know about an agent who could take the item now. */
export interface Candidate {
  agentId: string;
  /** When the agent last became free (no work in hand). */
  idleSince: number;
  /** Items answered today. */
  callsToday: number;
  /** Talk time today, ms. */
  talkTodayMs: number;
  /** Sum of the agent's levels in the queue's required skills. */
  skillScore: number;
  /** Place in the queue's fixed order (membership order); unique per queue. */
  order: number;
}

export interface StrategyContext {
  /** Order of the agent the queue chose last (round-robin memory). */
  lastOrder: number | undefined;
  /** Uniform in [0, 1), from the engine's seeded generator. */
  random(): number;
}

/**
 * Picks whom to offer an item to. Candidates are never empty and come sorted by `order`; the
 * answer is one candidate, or several for ring-all. Ties end on `order`, so a choice never
 * depends on map iteration order (snapshot/restore must choose alike).
 */
export interface Strategy {
  readonly name: StrategyName;
  choose(candidates: readonly Candidate[], context: StrategyContext): readonly Candidate[];
}

/** The first candidate by `better`, ties to the lower order (candidates are sorted by order). */
export function bestBy(candidates: readonly Candidate[], better: (a: Candidate, b: Candidate) => number): Candidate {
  let best = candidates[0] as Candidate;
  for (const c of candidates) if (better(c, best) < 0) best = c;
  return best;
}
