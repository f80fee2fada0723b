import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useSaveMutation } from '../api/collection-mutations';

export const USERS_KEY = ['users'] as const;

export interface UserFilter {
  q?: string;
  departmentId?: number;
  status?: User['status'];
  page: number;
  pageSize: number;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: [...USERS_KEY, filter],
    queryFn: () => api.get<{ items: User[]; total: number }>('/api/users', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

/** Users to choose from (group members): the first 200, the most one page may hold. */
export function useUserChoices(enabled = true) {
  return useQuery({
    queryKey: [...USERS_KEY, 'choices'],
    queryFn: () => api.get<{ items: User[]; total: number }>('/api/users', { page: 1, pageSize: 200 }),
    enabled,
  });
}

export function useSaveUser() {
  return useSaveMutation<User, UserInput | UserCreate>('/api/users', [USERS_KEY, ['departments'], ['groups']]);
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => api.post(`/api/users/${id}/password`, { password }),
  });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/api/users/${id}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
