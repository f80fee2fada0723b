import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlowProblem, IvrFlowSummary, IvrFlowVersion } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation } from '../api/collection-mutations';

const FLOWS_KEY = ['ivr-flows'] as const;

export interface FlowDetail {
  flow: IvrFlowSummary;
  versions: IvrFlowVersion[];
}

export function useFlows(enabled = true) {
  return useQuery({ queryKey: FLOWS_KEY, queryFn: () => api.get<IvrFlowSummary[]>('/api/ivr-flows'), enabled });
}

export function useFlow(id: number | null) {
  return useQuery({
    queryKey: [...FLOWS_KEY, id],
    queryFn: () => api.get<FlowDetail>(`/api/ivr-flows/${id}`),
    enabled: id !== null,
  });
}

function useFlowMutation<V, T>(call: (vars: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: FLOWS_KEY }) });
}

export function useCreateFlow() {
  return useFlowMutation((input: { name: string; description: string | null }) => api.post<IvrFlowSummary>('/api/ivr-flows', input));
}

export function useSaveDraft() {
  return useFlowMutation(({ id, graph }: { id: number; graph: unknown }) =>
    api.put<{ version: IvrFlowVersion; problems: FlowProblem[] }>(`/api/ivr-flows/${id}/draft`, { graph }),
  );
}

/** Publishes the draft; the server refuses a flow with problems (400 FLOW_INVALID, see `flowProblemsOf`). */
export function usePublishFlow() {
  return useFlowMutation((id: number) => api.post<IvrFlowVersion>(`/api/ivr-flows/${id}/publish`));
}

export function useRollbackFlow() {
  return useFlowMutation(({ id, version }: { id: number; version: number }) => api.post<IvrFlowVersion>(`/api/ivr-flows/${id}/rollback`, { version }));
}

export function useValidateFlow() {
  return useMutation({ mutationFn: (graph: unknown) => api.post<{ problems: FlowProblem[] }>('/api/ivr-flows/validate', { graph }) });
}

export function useDeleteFlow() {
  return useDeleteMutation('/api/ivr-flows', [FLOWS_KEY, ['routes']]);
}
