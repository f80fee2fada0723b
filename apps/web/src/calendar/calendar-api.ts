import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BusinessCalendar, SpecialDay, WorkHours } from '@rexian/contracts';
import { api } from '../api/client';

const CALENDAR_KEY = ['calendar'] as const;

/** The answer of GET /api/calendar/check. */
export interface CalendarCheckResult {
  at: string;
  inBusinessHours: boolean;
  due: string | null;
}

export function useCalendar() {
  return useQuery({ queryKey: CALENDAR_KEY, queryFn: () => api.get<BusinessCalendar>('/api/calendar') });
}

/** Each change answers the whole calendar, which replaces the cached one. */
function useCalendarMutation<T>(send: (input: T) => Promise<BusinessCalendar>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (calendar) => queryClient.setQueryData(CALENDAR_KEY, calendar),
  });
}

export function useSaveWeek() {
  return useCalendarMutation((week: WorkHours[]) => api.put<BusinessCalendar>('/api/calendar/week', { week }));
}

export function useSaveSpecialDay() {
  return useCalendarMutation((day: SpecialDay) => api.put<BusinessCalendar>(`/api/calendar/days/${day.date}`, day));
}

export function useDeleteSpecialDay() {
  return useCalendarMutation((date: string) => api.delete<BusinessCalendar>(`/api/calendar/days/${date}`));
}

export function useCalendarCheck() {
  return useMutation({
    mutationFn: (query: { at: string; addMinutes?: number }) => api.get<CalendarCheckResult>('/api/calendar/check', query),
  });
}
