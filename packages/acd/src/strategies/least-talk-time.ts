import { bestBy, type Strategy } from './strategy';

/** The agent with the least talk time today; ties to the longest idle. */
export const leastTalkTime: Strategy = {
  name: 'least-talk-time',
  choose: (candidates) => [bestBy(candidates, (a, b) => a.talkTodayMs - b.talkTodayMs || a.idleSince - b.idleSince)],
};
