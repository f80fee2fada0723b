import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Announcement, AnnouncementInput } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

const ANNOUNCEMENTS_KEY = ['announcements'] as const;

/** One recipient of an announcement and when they read it (null: not yet). */
export interface AnnouncementReader {
  userId: number;
  account: string;
  name: string;
  readAt: string | null;
}

/** Pinned first, then newest first (the server sends them so; kept here so the UI never depends on it). */
function pinnedFirst(list: Announcement[]): Announcement[] {
  return [...list].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.publishedAt.localeCompare(a.publishedAt));
}

export function useAnnouncements() {
  return useQuery({
    queryKey: ANNOUNCEMENTS_KEY,
    queryFn: async () => pinnedFirst(await api.get<Announcement[]>('/api/announcements')),
  });
}

export function useAnnouncementReaders(id: number | null) {
  return useQuery({
    queryKey: [...ANNOUNCEMENTS_KEY, id, 'readers'],
    queryFn: () => api.get<AnnouncementReader[]>(`/api/announcements/${id}/readers`),
    enabled: id !== null,
  });
}

export function useSaveAnnouncement() {
  return useSaveMutation<Announcement, AnnouncementInput>('/api/announcements', [ANNOUNCEMENTS_KEY]);
}

export function useDeleteAnnouncement() {
  return useDeleteMutation('/api/announcements', [ANNOUNCEMENTS_KEY]);
}

export function useMarkAnnouncementRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/api/announcements/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ANNOUNCEMENTS_KEY }),
  });
}
