import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditQuery } from '@rexian/contracts';
import { api } from '../api/client';

/** AuditQuery with the page as numbers (the contract's input type leaves coerced fields `unknown`). */
export type AuditSearch = Omit<AuditQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export function useAuditLog(query: AuditSearch) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
}
