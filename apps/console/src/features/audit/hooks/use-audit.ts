import type { AuditQuery } from '@netduty/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditKeys, fetchAuditPage } from '../api/audit.api';

export function useAuditPage(query: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.page(query),
    queryFn: ({ signal }) => fetchAuditPage(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
