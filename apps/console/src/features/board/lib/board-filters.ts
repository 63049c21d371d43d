import type { IncidentListQuery, IncidentStatus, OperatorCode, PriorityTier, Severity } from '@netduty/contracts';
import { INCIDENT_STATUSES, OPERATOR_CODES, PRIORITY_TIERS, SEVERITIES } from '@netduty/contracts';

/** The board's filters, all multi-select; they live in the URL so a filtered board can be shared. */
export interface BoardFilters {
  severity: Severity[];
  operator: OperatorCode[];
  commune: string[];
  status: IncidentStatus[];
  /** The board's P0 switch sets `['P0']`; the URL may name any tiers. */
  priority: PriorityTier[];
  /** Search over the reference, the site's code and name and its commune (diacritics optional); the server's `q`. */
  text: string;
}

export const EMPTY_BOARD_FILTERS: BoardFilters = { severity: [], operator: [], commune: [], status: [], priority: [], text: '' };

const FILTER_KEYS = ['severity', 'operator', 'commune', 'status', 'priority'] as const;

function listParam(params: URLSearchParams, key: string): string[] {
  const values = params.getAll(key).flatMap((value) => value.split(','));
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

function oneOf<T extends string>(allowed: readonly T[]): (value: string) => value is T {
  return (value: string): value is T => (allowed as readonly string[]).includes(value);
}

/** Reads `?severity=critical,major&operator=viettel&commune=05980&status=reported&priority=P0&q=dong kinh`; unknown values are dropped. */
export function parseBoardFilters(params: URLSearchParams): BoardFilters {
  return {
    severity: listParam(params, 'severity').filter(oneOf(SEVERITIES)),
    operator: listParam(params, 'operator').filter(oneOf(OPERATOR_CODES)),
    commune: listParam(params, 'commune'),
    status: listParam(params, 'status').filter(oneOf(INCIDENT_STATUSES)),
    priority: listParam(params, 'priority').filter(oneOf(PRIORITY_TIERS)),
    text: params.get('q') ?? '',
  };
}

/** Writes the filters into `params`, keeping any other parameter (e.g. the language). */
export function writeBoardFilters(params: URLSearchParams, filters: BoardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values.length > 0) next.set(key, values.join(','));
    else next.delete(key);
  }
  if (filters.text) next.set('q', filters.text);
  else next.delete('q');
  return next;
}

export function hasActiveFilters(filters: BoardFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key].length > 0) || filters.text.trim() !== '';
}

/** The list query for the api: only open incidents, with the filters that are set. */
export function toListQuery(filters: BoardFilters): IncidentListQuery {
  const query: IncidentListQuery = { open: true };
  const q = filters.text.trim();
  if (q) query.q = q;
  if (filters.status.length > 0) query.status = filters.status;
  if (filters.severity.length > 0) query.severity = filters.severity;
  if (filters.operator.length > 0) query.operator = filters.operator;
  if (filters.commune.length > 0) query.commune = filters.commune;
  if (filters.priority.length > 0) query.priority = filters.priority;
  return query;
}

/** Only P0 sites: the board's P0 switch. */
export function isP0Only(filters: BoardFilters): boolean {
  return filters.priority.length === 1 && filters.priority[0] === 'P0';
}

export function withP0Only(filters: BoardFilters, on: boolean): BoardFilters {
  return { ...filters, priority: on ? ['P0'] : [] };
}
