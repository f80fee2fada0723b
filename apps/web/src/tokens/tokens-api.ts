import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '@rexian/contracts';
import { api } from '../api/client';

const TOKENS_KEY = ['tokens'] as const;

/** ApiTokenCreated: the token with its secret, shown once. */
export type CreatedToken = ApiToken & { token: string };

export function useTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => api.get<ApiToken[]>('/api/tokens') });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays: number | null }) => api.post<CreatedToken>('/api/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
