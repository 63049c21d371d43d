import type { IncidentCoverageImpactDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const coverageImpactKey = (incidentId: string) => ['incidents', 'coverage-impact', incidentId] as const;

export function fetchIncidentCoverageImpact(incidentId: string, signal?: AbortSignal): Promise<IncidentCoverageImpactDto> {
  return apiRequest<IncidentCoverageImpactDto>(`/analytics/incidents/${encodeURIComponent(incidentId)}/coverage-impact`, { signal });
}
