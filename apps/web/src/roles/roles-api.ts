import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, RoleInput } from '@rexian/contracts';
import { api } from '../api/client';

export const ROLES_KEY = ['roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ROLES_KEY, queryFn: () => api.get<Role[]>('/api/roles'), enabled });
}

export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: RoleInput }) =>
      id ? api.put<Role>(`/api/roles/${id}`, input) : api.post<Role>('/api/roles', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_KEY }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/roles/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_KEY }),
  });
}
