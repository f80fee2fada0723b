/** Which wallboard figures are beyond the administrator's thresholds (those turn red and alarm). */
import type { WallboardFigures, WallboardThresholds } from '@rexian/contracts';

export type Breach = 'waiting' | 'longestWait' | 'serviceLevel' | 'abandonRate';

export function breaches(figures: WallboardFigures | undefined, live: { waiting: number; longestWaitMs: number }, t: WallboardThresholds | undefined): Set<Breach> {
  const out = new Set<Breach>();
  if (!t) return out;
  if (t.maxWaiting !== null && live.waiting > t.maxWaiting) out.add('waiting');
  if (t.maxLongestWaitSec !== null && live.longestWaitMs > t.maxLongestWaitSec * 1000) out.add('longestWait');
  if (t.minServiceLevel !== null && figures?.serviceLevel != null && figures.serviceLevel < t.minServiceLevel) out.add('serviceLevel');
  if (t.maxAbandonRate !== null && figures?.abandonRate != null && figures.abandonRate > t.maxAbandonRate) out.add('abandonRate');
  return out;
}
