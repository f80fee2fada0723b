import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallOutcome, CallRecord } from '@rexian/contracts';
import { api } from '../api/client';

/** The 通话记录 search: the contract's CallQuery with its page as numbers. */
export interface CallSearch {
  number?: string;
  outcome?: CallOutcome;
  queueId?: number;
  agentUserId?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const CALLS_KEY = ['calls'] as const;

export function useCalls(search: CallSearch) {
  return useQuery({
    queryKey: [...CALLS_KEY, search],
    queryFn: () => api.get<{ items: CallRecord[]; total: number }>('/api/calls', { ...search }),
    placeholderData: keepPreviousData,
  });
}

/** One call with its legs, fetched again when the drawer opens (a live call's record grows). */
export function useCall(id: string | null) {
  return useQuery({
    queryKey: [...CALLS_KEY, 'one', id],
    queryFn: () => api.get<CallRecord>(`/api/calls/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

/** Where the browser plays a recording from (the server answers Range requests, so seeking works). */
export function recordingAudioUrl(recordingId: number): string {
  return `/api/recordings/${recordingId}/audio`;
}
