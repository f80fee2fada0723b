import type { Strategy } from './strategy';

/** Offers to every candidate at once; the first to accept wins and the others are withdrawn. */
export const ringAll: Strategy = {
  name: 'ring-all',
  choose: (candidates) => candidates,
};
