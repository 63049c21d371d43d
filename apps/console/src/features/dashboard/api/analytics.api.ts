import type { AnalyticsFilter, NetworkSafetyDto, TrendBucket, TrendsDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

/** What the network-safety figures are narrowed by (the period only applies to trends). */
export type SafetyQuery = Pick<AnalyticsFilter, 'operatorCode' | 'communeCode' | 'severity'>;

export interface TrendsQuery extends SafetyQuery {
  from: string;
  bucket: TrendBucket;
}

export const analyticsKeys = {
  all: ['analytics'] as const,
  networkSafety: (query: SafetyQuery) => [...analyticsKeys.all, 'network-safety', query] as const,
  trends: (query: TrendsQuery) => [...analyticsKeys.all, 'trends', query] as const,
};

export function fetchNetworkSafety(query: SafetyQuery, signal?: AbortSignal): Promise<NetworkSafetyDto> {
  return apiRequest<NetworkSafetyDto>('/analytics/network-safety', { query: { ...query }, signal });
}

/** `to` is left to the server (now), so a refetch always reaches the present. */
export function fetchTrends(query: TrendsQuery, signal?: AbortSignal): Promise<TrendsDto> {
  return apiRequest<TrendsDto>('/analytics/trends', { query: { ...query }, signal });
}
