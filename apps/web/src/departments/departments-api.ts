import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department, DepartmentInput } from '@rexian/contracts';
import { api } from '../api/client';

export const DEPARTMENTS_KEY = ['departments'] as const;

/** The flat department list; `enabled` is false for users without departments.view. */
export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: () => api.get<Department[]>('/api/departments'),
    enabled,
  });
}

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: DepartmentInput }) =>
      id ? api.put<Department>(`/api/departments/${id}`, input) : api.post<Department>('/api/departments', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/departments/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}
