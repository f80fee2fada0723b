import { bestBy, type Strategy } from './strategy';

/** The agent who answered the fewest items today; ties to the longest idle. */
export const fewestCalls: Strategy = {
  name: 'fewest-calls',
  choose: (candidates) => [bestBy(candidates, (a, b) => a.callsToday - b.callsToday || a.idleSince - b.idleSince)],
};
