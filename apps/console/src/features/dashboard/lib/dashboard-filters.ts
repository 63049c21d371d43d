import type { OperatorCode, Severity, TrendBucket } from '@netduty/contracts';
import { OPERATOR_CODES, SEVERITIES } from '@netduty/contracts';
import { dayjs, DISPLAY_TIME_ZONE } from '../../../lib/date-time';
import type { SafetyQuery, TrendsQuery } from '../api/analytics.api';

/** The trends' period: the last 24 hours and the last 7 days by the hour, the last 30 days by the day. */
export const DASHBOARD_PERIODS = ['24h', '7d', '30d'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** The laptop dashboard's filters; they live in the URL so a filtered view can be shared. */
export interface DashboardFilters {
  period: DashboardPeriod;
  operatorCode: OperatorCode | null;
  communeCode: string | null;
  severity: Severity | null;
}

export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = { period: '24h', operatorCode: null, communeCode: null, severity: null };

const PARAM = { period: 'period', operatorCode: 'operator', communeCode: 'commune', severity: 'severity' } as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads `?period=7d&operator=viettel&commune=06079&severity=critical`; unknown values fall back to the defaults. */
export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const commune = params.get(PARAM.communeCode)?.trim();
  return {
    period: oneOf(DASHBOARD_PERIODS, params.get(PARAM.period)) ?? DEFAULT_DASHBOARD_FILTERS.period,
    operatorCode: oneOf(OPERATOR_CODES, params.get(PARAM.operatorCode)),
    communeCode: commune ? commune : null,
    severity: oneOf(SEVERITIES, params.get(PARAM.severity)),
  };
}

/** Writes the filters into `params`, keeping any other parameter (the language); defaults are left out. */
export function writeDashboardFilters(params: URLSearchParams, filters: DashboardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const values: Record<keyof DashboardFilters, string | null> = {
    period: filters.period === DEFAULT_DASHBOARD_FILTERS.period ? null : filters.period,
    operatorCode: filters.operatorCode,
    communeCode: filters.communeCode,
    severity: filters.severity,
  };
  for (const key of Object.keys(PARAM) as (keyof DashboardFilters)[]) {
    const value = values[key];
    if (value) next.set(PARAM[key], value);
    else next.delete(PARAM[key]);
  }
  return next;
}

export function hasNarrowingFilters(filters: DashboardFilters): boolean {
  return filters.operatorCode !== null || filters.communeCode !== null || filters.severity !== null;
}

/** The network-safety query: only the filters that are set (the api reads an absent one as "all"). */
export function toSafetyQuery(filters: Pick<DashboardFilters, 'operatorCode' | 'communeCode' | 'severity'>): SafetyQuery {
  const query: SafetyQuery = {};
  if (filters.operatorCode) query.operatorCode = filters.operatorCode;
  if (filters.communeCode) query.communeCode = filters.communeCode;
  if (filters.severity) query.severity = filters.severity;
  return query;
}

const HOUR_MS = 3_600_000;

export interface PeriodShape {
  bucket: TrendBucket;
  /** How many buckets, the current one included. */
  buckets: number;
}

const PERIOD_SHAPES: Readonly<Record<DashboardPeriod, PeriodShape>> = {
  '24h': { bucket: 'hour', buckets: 24 },
  '7d': { bucket: 'hour', buckets: 7 * 24 },
  '30d': { bucket: 'day', buckets: 30 },
};

export function periodShape(period: DashboardPeriod): PeriodShape {
  return PERIOD_SHAPES[period];
}

export interface TrendWindow extends PeriodShape {
  /** Start of the first bucket (inclusive), UTC. */
  from: string;
}

/**
 * The period's first bucket, aligned so that the current hour (or the province's current day) is the
 * last bucket: 24 h is the current hour and the 23 before it. The start only moves when a new bucket
 * begins, so the query key (and the cache) stays the same between refetches. (Hours are the same in
 * UTC and in Asia/Ho_Chi_Minh, seven hours ahead all year; days are the province's.)
 */
export function trendWindow(period: DashboardPeriod, nowMs: number): TrendWindow {
  const shape = periodShape(period);
  if (shape.bucket === 'day') {
    const today = dayjs(nowMs).tz(DISPLAY_TIME_ZONE).startOf('day');
    return { ...shape, from: today.subtract(shape.buckets - 1, 'day').toISOString() };
  }
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  return { ...shape, from: new Date(currentHour - (shape.buckets - 1) * HOUR_MS).toISOString() };
}

export function toTrendsQuery(filters: DashboardFilters, window: TrendWindow): TrendsQuery {
  return { ...toSafetyQuery(filters), from: window.from, bucket: window.bucket };
}
