import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Group, GroupInput } from '@rexian/contracts';
import { api } from '../api/client';

export const GROUPS_KEY = ['groups'] as const;

export function useGroups(enabled = true) {
  return useQuery({ queryKey: GROUPS_KEY, queryFn: () => api.get<Group[]>('/api/groups'), enabled });
}

export function useSaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: GroupInput }) =>
      id ? api.put<Group>(`/api/groups/${id}`, input) : api.post<Group>('/api/groups', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: GROUPS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/groups/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GROUPS_KEY }),
  });
}
