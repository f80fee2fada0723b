import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Parameter } from '@rexian/contracts';
import { api } from '../api/client';

const PARAMETERS_KEY = ['parameters'] as const;

export function useParameters() {
  return useQuery({ queryKey: PARAMETERS_KEY, queryFn: () => api.get<Parameter[]>('/api/parameters') });
}

export function useSaveParameter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: Parameter['value'] }) =>
      api.put<Parameter>(`/api/parameters/${encodeURIComponent(key)}`, { value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PARAMETERS_KEY }),
  });
}
