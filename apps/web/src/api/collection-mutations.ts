import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from './client';

/** Refreshes every list the change can show up in (a user's roles appear on the roles page too …). */
function useInvalidate(keys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Create (`POST path`) or update (`PUT path/:id`) an item of a REST collection. */
export function useSaveMutation<T, I>(path: string, invalidates: readonly QueryKey[]) {
  const invalidate = useInvalidate(invalidates);
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: I }) => (id ? api.put<T>(`${path}/${id}`, input) : api.post<T>(path, input)),
    onSuccess: invalidate,
  });
}

/** Delete (`DELETE path/:id`) an item of a REST collection. */
export function useDeleteMutation(path: string, invalidates: readonly QueryKey[]) {
  const invalidate = useInvalidate(invalidates);
  return useMutation({ mutationFn: (id: number) => api.delete(`${path}/${id}`), onSuccess: invalidate });
}
