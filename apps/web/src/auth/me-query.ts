import { useQuery } from '@tanstack/react-query';
import type { Me } from '@rexian/contracts';
import { api, setCsrfToken } from '../api/client';
import { ApiError } from '../api/api-error';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity });
}
