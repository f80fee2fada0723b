import { describe, expect, it } from 'vitest';
import { RandomSource } from '../random-source';
import { strategies } from './strategies';
import type { Candidate, StrategyName } from './strategy';

// Sorted by order, as the router hands them over.
const CANDIDATES: Candidate[] = [
  { agentId: 'ann', order: 0, idleSince: 300, callsToday: 5, talkTodayMs: 400, skillScore: 5 },
  { agentId: 'bob', order: 1, idleSince: 100, callsToday: 3, talkTodayMs: 900, skillScore: 4 },
  { agentId: 'cai', order: 2, idleSince: 200, callsToday: 1, talkTodayMs: 700, skillScore: 6 },
  { agentId: 'dan', order: 3, idleSince: 400, callsToday: 2, talkTodayMs: 50, skillScore: 9 },
];

const pick = (name: StrategyName, lastOrder?: number, random = () => 0): string[] =>
  strategies[name].choose(CANDIDATES, { lastOrder, random }).map((c) => c.agentId);

describe('distribution strategies choose among the same candidates', () => {
  it.each<[StrategyName, string[]]>([
    ['longest-idle', ['bob']],
    ['fewest-calls', ['cai']],
    ['least-talk-time', ['dan']],
    ['skill-weighted', ['dan']],
    ['linear', ['ann']],
    ['ring-all', ['ann', 'bob', 'cai', 'dan']],
    ['round-robin', ['ann']],
  ])('%s picks %j', (name, expected) => {
    expect(pick(name)).toEqual(expected);
  });

  it('round robin remembers where it stopped and wraps around', () => {
    expect(pick('round-robin', 0)).toEqual(['bob']);
    expect(pick('round-robin', 2)).toEqual(['dan']);
    expect(pick('round-robin', 3)).toEqual(['ann']);
  });

  it('ties go to the longest idle, then to the fixed order', () => {
    const tied = CANDIDATES.map((c) => ({ ...c, callsToday: 1, skillScore: 1, talkTodayMs: 1 }));
    for (const name of ['fewest-calls', 'least-talk-time', 'skill-weighted'] as const) {
      expect(strategies[name].choose(tied, { lastOrder: undefined, random: () => 0 })[0]?.agentId).toBe('bob');
    }
    const allIdle = tied.map((c) => ({ ...c, idleSince: 0 }));
    expect(strategies['longest-idle'].choose(allIdle, { lastOrder: undefined, random: () => 0 })[0]?.agentId).toBe('ann');
  });

  it('random draws from the injected generator: the same seed picks the same agents, and every agent gets picked', () => {
    const draw = (seed: number): string[] => {
      const source = new RandomSource(seed);
      return Array.from({ length: 40 }, () => pick('random', undefined, () => source.next())[0] as string);
    };
    expect(draw(42)).toEqual(draw(42));
    expect(new Set(draw(42))).toEqual(new Set(['ann', 'bob', 'cai', 'dan']));
    expect(pick('random', undefined, () => 0.99)).toEqual(['dan']);
    expect(pick('random', undefined, () => 0.3)).toEqual(['bob']);
  });
});
