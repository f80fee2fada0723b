import { createContext, useContext } from 'react';
import type { Me } from '@rexian/contracts';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside <RequireSignIn>');
  return me;
}
