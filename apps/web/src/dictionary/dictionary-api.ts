import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DictionaryItem, DictionaryItemInput, DictionaryType } from '@rexian/contracts';
import { api } from '../api/client';

const DICTIONARY_KEY = ['dictionary'] as const;
const TYPES_KEY = [...DICTIONARY_KEY, 'types'] as const;

export interface DictionaryTypeValues {
  code: string;
  name: string;
  description: string | null;
}

export function useDictionaryTypes() {
  return useQuery({ queryKey: TYPES_KEY, queryFn: () => api.get<DictionaryType[]>('/api/dictionary/types') });
}

export function useDictionaryItems(code: string | null) {
  return useQuery({
    queryKey: [...DICTIONARY_KEY, 'items', code],
    queryFn: () => api.get<DictionaryItem[]>(`/api/dictionary/types/${encodeURIComponent(code ?? '')}/items`),
    enabled: code !== null,
  });
}

/** Everything in the dictionary changes together: item counts show on the type list. */
function useInvalidateDictionary() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: DICTIONARY_KEY });
}

export function useSaveDictionaryType() {
  const onSuccess = useInvalidateDictionary();
  return useMutation({
    mutationFn: ({ existing, input }: { existing: boolean; input: DictionaryTypeValues }) =>
      existing
        ? api.put<DictionaryType>(`/api/dictionary/types/${encodeURIComponent(input.code)}`, input)
        : api.post<DictionaryType>('/api/dictionary/types', input),
    onSuccess,
  });
}

export function useDeleteDictionaryType() {
  const onSuccess = useInvalidateDictionary();
  return useMutation({
    mutationFn: (code: string) => api.delete(`/api/dictionary/types/${encodeURIComponent(code)}`),
    onSuccess,
  });
}

export function useSaveDictionaryItem() {
  const onSuccess = useInvalidateDictionary();
  return useMutation({
    mutationFn: ({ type, id, input }: { type: string; id?: number; input: DictionaryItemInput }) =>
      id
        ? api.put<DictionaryItem>(`/api/dictionary/items/${id}`, input)
        : api.post<DictionaryItem>(`/api/dictionary/types/${encodeURIComponent(type)}/items`, input),
    onSuccess,
  });
}

export function useDeleteDictionaryItem() {
  const onSuccess = useInvalidateDictionary();
  return useMutation({ mutationFn: (id: number) => api.delete(`/api/dictionary/items/${id}`), onSuccess });
}
