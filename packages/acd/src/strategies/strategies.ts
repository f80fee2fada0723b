import { fewestCalls } from './fewest-calls';
import { leastTalkTime } from './least-talk-time';
import { linear } from './linear';
import { longestIdle } from './longest-idle';
import { random } from './random';
import { ringAll } from './ring-all';
import { roundRobin } from './round-robin';
import { skillWeighted } from './skill-weighted';
import type { Strategy, StrategyName } from './strategy';

/** Every strategy by name. */
export const strategies: Readonly<Record<StrategyName, Strategy>> = {
  'longest-idle': longestIdle,
  'round-robin': roundRobin,
  'fewest-calls': fewestCalls,
  'least-talk-time': leastTalkTime,
  'ring-all': ringAll,
  'skill-weighted': skillWeighted,
  linear,
  random,
};
