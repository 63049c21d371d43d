import type { OperatorCode } from '@netduty/contracts';
import { SOCKET_ROOMS } from '@netduty/contracts';
import type { IncidentScope } from './access-policy';

/**
 * What a caller may see, as one description that every table's query and every socket room derives
 * from (the data layer maps it onto each table's columns once; `scopeSees` is its meaning in code).
 * - `all`: every row.
 * - `operator`: the rows of one operator; with `communeCodes` (staff narrowed to a cluster), only the
 *   rows that touch at least one of those communes. An empty list sees nothing.
 * - `assignee`: what is assigned to one responder, and nothing else.
 */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'operator'; operatorCode: OperatorCode; communeCodes: readonly string[] | null }
  | { kind: 'assignee'; responderId: string };

/**
 * Any scoped row, as the filter reads it. An incident or a site touches its one commune; a cluster the
 * communes it serves; a responder those of its cluster. Only incidents (their responders) and a
 * responder (itself) have assignees.
 */
export interface ScopedRow {
  operatorCode: string;
  communeCodes: readonly string[];
  assigneeIds: readonly string[];
}

export function scopeFilterOf(scope: IncidentScope): ScopeFilter {
  switch (scope.kind) {
    case 'all':
      return { kind: 'all' };
    case 'operator':
      return {
        kind: 'operator',
        operatorCode: scope.operatorCode,
        communeCodes: scope.communeCodes ? [...new Set(scope.communeCodes)].sort() : null,
      };
    case 'responder':
      return { kind: 'assignee', responderId: scope.responderId };
  }
}

/** Whether the filter lets a row through: the rule the SQL of every table implements. */
export function scopeSees(filter: ScopeFilter, row: ScopedRow): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'operator':
      return row.operatorCode === filter.operatorCode && (!filter.communeCodes || row.communeCodes.some((code) => filter.communeCodes?.includes(code)));
    case 'assignee':
      return row.assigneeIds.includes(filter.responderId);
  }
}

/** The socket rooms a filter joins; nothing else can be joined. */
export function roomsOfScope(filter: ScopeFilter): string[] {
  switch (filter.kind) {
    case 'all':
      return [SOCKET_ROOMS.all];
    case 'operator':
      return filter.communeCodes
        ? filter.communeCodes.map((commune) => SOCKET_ROOMS.operatorCommune(filter.operatorCode, commune))
        : [SOCKET_ROOMS.operator(filter.operatorCode)];
    case 'assignee':
      return [SOCKET_ROOMS.responder(filter.responderId)];
  }
}

/**
 * The rooms an event about a row is sent to: exactly those of the filters that see the row, so that
 * `roomsOfScope(f)` meets `roomsOfRow(row)` if and only if `scopeSees(f, row)`.
 */
export function roomsOfRow(row: ScopedRow): string[] {
  return [
    SOCKET_ROOMS.all,
    SOCKET_ROOMS.operator(row.operatorCode),
    ...row.communeCodes.map((commune) => SOCKET_ROOMS.operatorCommune(row.operatorCode, commune)),
    ...row.assigneeIds.map((responderId) => SOCKET_ROOMS.responder(responderId)),
  ];
}
