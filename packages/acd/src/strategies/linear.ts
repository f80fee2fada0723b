import type { Strategy } from './strategy';

/** Always the first free agent in the queue's fixed order (membership order). */
export const linear: Strategy = {
  name: 'linear',
  choose: (candidates) => [candidates[0] as (typeof candidates)[number]],
};
