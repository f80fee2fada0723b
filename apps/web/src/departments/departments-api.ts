import { useQuery } from '@tanstack/react-query';
import type { Department, DepartmentInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

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
  return useSaveMutation<Department, DepartmentInput>('/api/departments', [DEPARTMENTS_KEY]);
}

export function useDeleteDepartment() {
  return useDeleteMutation('/api/departments', [DEPARTMENTS_KEY]);
}
