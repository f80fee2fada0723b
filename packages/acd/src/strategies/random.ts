import type { Strategy } from './strategy';

/** Any candidate, uniformly, from the engine's seeded generator (deterministic in tests). */
export const random: Strategy = {
  name: 'random',
  choose: (candidates, context) => {
    const at = Math.min(candidates.length - 1, Math.floor(context.random() * candidates.length));
    return [candidates[at] as (typeof candidates)[number]];
  },
};
