import { bestBy, type Strategy } from './strategy';

/** Best skill match first (highest sum of levels in the queue's skills); ties to the longest idle. */
export const skillWeighted: Strategy = {
  name: 'skill-weighted',
  choose: (candidates) => [bestBy(candidates, (a, b) => b.skillScore - a.skillScore || a.idleSince - b.idleSince)],
};
