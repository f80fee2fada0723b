import { useQuery } from '@tanstack/react-query';
import type { Role, RoleInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

export const ROLES_KEY = ['roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ROLES_KEY, queryFn: () => api.get<Role[]>('/api/roles'), enabled });
}

export function useSaveRole() {
  return useSaveMutation<Role, RoleInput>('/api/roles', [ROLES_KEY]);
}

export function useDeleteRole() {
  return useDeleteMutation('/api/roles', [ROLES_KEY]);
}
