import type { Strategy } from './strategy';

/** Takes turns in the queue's order, remembering where it stopped: the next after the last chosen. */
export const roundRobin: Strategy = {
  name: 'round-robin',
  choose: (candidates, { lastOrder }) => {
    const next = lastOrder === undefined ? undefined : candidates.find((c) => c.order > lastOrder);
    return [next ?? (candidates[0] as (typeof candidates)[number])];
  },
};
