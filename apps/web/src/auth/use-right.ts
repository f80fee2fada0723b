import type { Right } from '@rexian/contracts';
import { useMe } from './MeContext';

/** Whether the signed-in user holds `right` (the server checks again; this only hides what would fail). */
export function useRight(right: Right): boolean {
  return useMe().rights.includes(right);
}
