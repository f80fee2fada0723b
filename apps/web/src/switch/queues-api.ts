import { useQuery } from '@tanstack/react-query';
import type { QueueConfig, QueueInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

export const QUEUES_KEY = ['queues'] as const;
const ROUTES_KEY = ['routes'] as const;

export function useQueues(enabled = true) {
  return useQuery({ queryKey: QUEUES_KEY, queryFn: () => api.get<QueueConfig[]>('/api/queues'), enabled });
}

/** A queue's name appears on routes too: refresh them after a change. */
export function useSaveQueue() {
  return useSaveMutation<QueueConfig, QueueInput>('/api/queues', [QUEUES_KEY, ROUTES_KEY]);
}

export function useDeleteQueue() {
  return useDeleteMutation('/api/queues', [QUEUES_KEY, ROUTES_KEY]);
}
