import { bestBy, type Strategy } from './strategy';

/** The agent free the longest gets the item. */
export const longestIdle: Strategy = {
  name: 'longest-idle',
  choose: (candidates) => [bestBy(candidates, (a, b) => a.idleSince - b.idleSince)],
};
