import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallbackRequest, Voicemail } from '@rexian/contracts';
import { api } from '../api/client';

const VOICEMAILS_KEY = ['voicemails'] as const;
const CALLBACKS_KEY = ['callbacks'] as const;
/** New voicemail and callbacks arrive while the page is open. */
const LIVE_REFRESH_MS = 10_000;

export type VoicemailStatus = Voicemail['status'];
export type CallbackStatus = CallbackRequest['status'];

export function useVoicemails(status: VoicemailStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...VOICEMAILS_KEY, status, page, pageSize],
    queryFn: () => api.get<{ items: Voicemail[]; total: number }>('/api/voicemails', { status, page, pageSize }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** How many voicemails wait to be handled, for the tab's badge. */
export function useNewVoicemailCount() {
  return useQuery({
    queryKey: [...VOICEMAILS_KEY, 'new', 'count'],
    queryFn: () => api.get<{ items: Voicemail[]; total: number }>('/api/voicemails', { status: 'new', page: 1, pageSize: 1 }),
    select: (answer) => answer.total,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function voicemailAudioUrl(id: number): string {
  return `/api/voicemails/${id}/audio`;
}

export function useHandleVoicemail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: number; status: VoicemailStatus; note: string | null }) =>
      api.patch<Voicemail>(`/api/voicemails/${id}`, { status, note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VOICEMAILS_KEY }),
  });
}

export function useCallbacks(status: CallbackStatus) {
  return useQuery({
    queryKey: [...CALLBACKS_KEY, status],
    queryFn: () => api.get<{ items: CallbackRequest[]; total: number }>('/api/callbacks', { status }),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useHandleCallback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: number; status: CallbackStatus; note: string | null }) =>
      api.patch<CallbackRequest>(`/api/callbacks/${id}`, { status, note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CALLBACKS_KEY }),
  });
}
