import { useQuery } from '@tanstack/react-query';
import type { CallerListEntry, CallerListKind, HotlineRoute } from '@rexian/contracts';
import { api } from '../api/client';
import { useDeleteMutation, useSaveMutation } from '../api/collection-mutations';

const ROUTES_KEY = ['routes'] as const;
const CALLER_LISTS_KEY = ['caller-lists'] as const;

/** What the route form sends (HotlineRouteInput): exactly one of flowId and queueId. */
export interface RouteInput {
  number: string;
  flowId: number | null;
  queueId: number | null;
  description: string | null;
}

export interface CallerListInput {
  number: string;
  list: CallerListKind;
  note: string | null;
}

export function useRoutes() {
  return useQuery({ queryKey: ROUTES_KEY, queryFn: () => api.get<HotlineRoute[]>('/api/routes') });
}

export function useSaveRoute() {
  return useSaveMutation<HotlineRoute, RouteInput>('/api/routes', [ROUTES_KEY]);
}

export function useDeleteRoute() {
  return useDeleteMutation('/api/routes', [ROUTES_KEY]);
}

export function useCallerList(list: CallerListKind) {
  return useQuery({
    queryKey: [...CALLER_LISTS_KEY, list],
    queryFn: () => api.get<CallerListEntry[]>('/api/caller-lists', { list }),
  });
}

export function useAddCallerListEntry() {
  return useSaveMutation<CallerListEntry, CallerListInput>('/api/caller-lists', [CALLER_LISTS_KEY]);
}

export function useDeleteCallerListEntry() {
  return useDeleteMutation('/api/caller-lists', [CALLER_LISTS_KEY]);
}
