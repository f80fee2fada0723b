import { useQuery } from '@tanstack/react-query';
import type { Shift, ShiftInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

const SHIFTS_KEY = ['shifts'] as const;

export function useShifts() {
  return useQuery({ queryKey: SHIFTS_KEY, queryFn: () => api.get<Shift[]>('/api/shifts') });
}

export function useSaveShift() {
  return useSaveMutation<Shift, ShiftInput>('/api/shifts', [SHIFTS_KEY]);
}

export function useDeleteShift() {
  return useDeleteMutation('/api/shifts', [SHIFTS_KEY]);
}
