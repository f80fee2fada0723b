import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Customer, CustomerInput, CustomerLookup, Interaction, InteractionInput, TimelineEntry } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

const CUSTOMERS_KEY = ['customers'] as const;

export function useCustomers(q: string, page: number, pageSize = 20) {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize), ...(q ? { q } : {}) });
  return useQuery({ queryKey: [...CUSTOMERS_KEY, q, page, pageSize], queryFn: () => api.get<{ items: Customer[]; total: number }>(`/api/customers?${params}`) });
}

export function useCustomer(id: number | null) {
  return useQuery({ queryKey: [...CUSTOMERS_KEY, 'one', id], enabled: id !== null, queryFn: () => api.get<Customer>(`/api/customers/${id}`) });
}

export function useTimeline(id: number | null) {
  return useQuery({ queryKey: [...CUSTOMERS_KEY, 'timeline', id], enabled: id !== null, queryFn: () => api.get<TimelineEntry[]>(`/api/customers/${id}/timeline`) });
}

export function useSaveCustomer() {
  return useSaveMutation<Customer, CustomerInput>('/api/customers', [CUSTOMERS_KEY]);
}

export function useDeleteCustomer() {
  return useDeleteMutation('/api/customers', [CUSTOMERS_KEY]);
}

/** The screen pop's customer: who has this number and what happened with them lately. */
export function useCustomerLookup(number: string | null) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'lookup', number],
    enabled: number !== null && number !== '',
    queryFn: () => api.get<CustomerLookup>(`/api/customers/lookup?number=${encodeURIComponent(number ?? '')}`),
  });
}

export function useInteractions(callId: string | null) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'interactions', callId],
    enabled: callId !== null,
    queryFn: () => api.get<Interaction[]>(`/api/interactions?callId=${encodeURIComponent(callId ?? '')}`),
  });
}

export function useCreateInteraction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InteractionInput) => api.post<Interaction>('/api/interactions', input),
    onSuccess: () => client.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}
