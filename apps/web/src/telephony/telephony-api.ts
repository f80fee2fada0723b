import { useQuery } from '@tanstack/react-query';
import type { PhoneAccount, PhoneAccountInput, Trunk, TrunkInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

const PHONES_KEY = ['phones'] as const;
const TRUNKS_KEY = ['trunks'] as const;
/** Registrations come and go without anyone clicking: look again every few seconds. */
const LIVE_REFRESH_MS = 5000;

export function usePhones() {
  return useQuery({ queryKey: PHONES_KEY, queryFn: () => api.get<PhoneAccount[]>('/api/phones'), refetchInterval: LIVE_REFRESH_MS });
}

export function useSavePhone() {
  return useSaveMutation<PhoneAccount, PhoneAccountInput>('/api/phones', [PHONES_KEY]);
}

export function useDeletePhone() {
  return useDeleteMutation('/api/phones', [PHONES_KEY]);
}

export function useTrunks() {
  return useQuery({ queryKey: TRUNKS_KEY, queryFn: () => api.get<Trunk[]>('/api/trunks'), refetchInterval: LIVE_REFRESH_MS });
}

export function useSaveTrunk() {
  return useSaveMutation<Trunk, TrunkInput>('/api/trunks', [TRUNKS_KEY]);
}

export function useDeleteTrunk() {
  return useDeleteMutation('/api/trunks', [TRUNKS_KEY]);
}
