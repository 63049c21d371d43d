import type { AuditOutcome, AuditQuery } from '@netduty/contracts';
import { dayjs, DISPLAY_TIME_ZONE } from '../../../lib/date-time';

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actor: string;
  /** An action ("auth.login") or a prefix of one ("incident"). */
  action: string;
  outcome: AuditOutcome | undefined;
  /** Inclusive days as seen in the province ("YYYY-MM-DD"), whatever the browser's zone. */
  dateRange: [string, string] | undefined;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', outcome: undefined, dateRange: undefined };

/** Midnight at the start of a province day, as the UTC instant the api expects. */
export function startOfProvinceDay(day: string): string {
  return dayjs.tz(`${day}T00:00:00`, DISPLAY_TIME_ZONE).toISOString();
}

/**
 * The api query for the filters: trimmed text, and the day range as [first day 00:00, day after the
 * last 00:00) in Asia/Ho_Chi_Minh, sent in UTC (the api's `to` is exclusive).
 */
export function toAuditQuery(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  const query: AuditQuery = { page, pageSize };
  const actor = filters.actor.trim().toLowerCase();
  const action = filters.action.trim().replace(/\.+$/, '');
  if (actor) query.actor = actor;
  if (action) query.action = action;
  if (filters.outcome) query.outcome = filters.outcome;
  if (filters.dateRange) {
    const [first, last] = filters.dateRange[0] <= filters.dateRange[1] ? filters.dateRange : [filters.dateRange[1], filters.dateRange[0]];
    query.from = startOfProvinceDay(first);
    query.to = startOfProvinceDay(dayjs.utc(last).add(1, 'day').format('YYYY-MM-DD'));
  }
  return query;
}

/** The same filters for the CSV export: every matching line, not one page. */
export function toExportQuery(filters: AuditFilters): Omit<AuditQuery, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...rest } = toAuditQuery(filters, 1, DEFAULT_AUDIT_PAGE_SIZE);
  return rest;
}

/** netduty-audit-2026-11-22.csv, dated in the province. */
export function auditExportFileName(now: Date): string {
  return `netduty-audit-${dayjs(now).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD')}.csv`;
}

/** Action prefixes offered in the filter (the api matches an action or any action under a prefix). */
export const AUDIT_ACTION_SUGGESTIONS = [
  'auth',
  'auth.login',
  'auth.logout',
  'auth.logout_everywhere',
  'auth.change_password',
  'auth.refresh_reuse',
  'authz.denied',
  'incident',
  'incident.report',
  'incident.acknowledge',
  'incident.assign',
  'incident.resolve',
  'incident.close',
  'incident.reopen',
  'incident.comment',
  'user',
  'user.create',
  'user.update',
  'user.disable',
  'user.reset_password',
  'operator.update',
  'cluster',
  'sla_policy.update',
  'request.failed',
] as const;

/** Pretty JSON of a before/after snapshot; null when there is nothing to show. */
export function auditJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return null;
  return JSON.stringify(value, null, 2);
}
