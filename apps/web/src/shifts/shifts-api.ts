import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Shift, ShiftInput } from '@rexian/contracts';
import { api } from '../api/client';

const SHIFTS_KEY = ['shifts'] as const;

export function useShifts() {
  return useQuery({ queryKey: SHIFTS_KEY, queryFn: () => api.get<Shift[]>('/api/shifts') });
}

export function useSaveShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: ShiftInput }) =>
      id ? api.put<Shift>(`/api/shifts/${id}`, input) : api.post<Shift>('/api/shifts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SHIFTS_KEY }),
  });
}

export function useDeleteShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/shifts/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SHIFTS_KEY }),
  });
}
