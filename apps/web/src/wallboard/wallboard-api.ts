import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WallboardFigures, WallboardThresholds } from '@rexian/contracts';
import { api } from '../api/client';

const KEY = ['wallboard'] as const;

/** Today's figures, again every 10 s (and sooner when a call ends: the page invalidates). */
export function useTodayFigures() {
  return useQuery({ queryKey: [...KEY, 'today'], queryFn: () => api.get<WallboardFigures>('/api/wallboard/today'), refetchInterval: 10_000 });
}

export function useThresholds() {
  return useQuery({ queryKey: [...KEY, 'thresholds'], queryFn: () => api.get<WallboardThresholds>('/api/wallboard/thresholds') });
}

export function useSaveThresholds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WallboardThresholds) => api.put<WallboardThresholds>('/api/wallboard/thresholds', input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
