import { useQuery } from '@tanstack/react-query';
import type { Group, GroupInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

export const GROUPS_KEY = ['groups'] as const;

export function useGroups(enabled = true) {
  return useQuery({ queryKey: GROUPS_KEY, queryFn: () => api.get<Group[]>('/api/groups'), enabled });
}

export function useSaveGroup() {
  return useSaveMutation<Group, GroupInput>('/api/groups', [GROUPS_KEY, ['users']]);
}

export function useDeleteGroup() {
  return useDeleteMutation('/api/groups', [GROUPS_KEY]);
}
