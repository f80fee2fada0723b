import type { ReactNode } from 'react';
import type { Right } from '@rexian/contracts';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { useMe } from '../auth/MeContext';

/** Shows a page only to users holding its right; others see 403. */
export function RequireRight({ right, children }: { right: Right | null; children: ReactNode }) {
  const me = useMe();
  if (right && !me.rights.includes(right)) return <ForbiddenPage />;
  return children;
}
