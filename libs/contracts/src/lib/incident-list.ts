import type { IncidentDto, IsoInstant } from './dto';
import type { IncidentCategory, IncidentStatus, OperatorCode, PriorityTier, Severity } from './enums';

/** Rows per page of `GET /incidents` when `limit` is not given, and the most a caller may ask for. */
export const INCIDENT_PAGE_DEFAULT_LIMIT = 50;
export const INCIDENT_PAGE_MAX_LIMIT = 200;
/** Longest accepted search text (`q`) and cursor; longer ones are refused, not truncated. */
export const INCIDENT_SEARCH_MAX_LENGTH = 100;
export const INCIDENT_CURSOR_MAX_LENGTH = 300;
/** Most values accepted in one list filter (`commune`, `site`). */
export const INCIDENT_FILTER_MAX_VALUES = 200;

/** The files `GET /incidents/export` writes, and the most rows one export may hold (a larger match is refused, 400). */
export const INCIDENT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];
export const INCIDENT_EXPORT_MAX_ROWS = 50_000;

/**
 * The orders `GET /incidents` can page in:
 * - `urgency`: the board's order (the domain's `compareByUrgency`): breached first, then P0, then severity,
 *   then the time left (most overdue first); no running clock last; ties broken by id. "Breached" is as of
 *   the first page, which the cursor carries;
 * - `recent`: newest report first, for the history of closed incidents.
 */
export const INCIDENT_LIST_SORTS = ['urgency', 'recent'] as const;
export type IncidentListSort = (typeof INCIDENT_LIST_SORTS)[number];

export interface IncidentListQuery {
  status?: IncidentStatus[];
  severity?: Severity[];
  priority?: PriorityTier[];
  category?: IncidentCategory[];
  operator?: OperatorCode[];
  commune?: string[];
  /** Site ids. */
  site?: string[];
  /** Default true: only incidents that are not closed. `open=false&status=closed` is the history. */
  open?: boolean;
  /** Default false. True: leave out the children of mass-outage parents (the board lists them under their parent). */
  topLevel?: boolean;
  /** Only the children filed under this mass-outage parent (its id). */
  parent?: string;
  /** Reported at or after this instant. */
  from?: IsoInstant;
  /** Reported before this instant. */
  to?: IsoInstant;
  /** Diacritics-insensitive: the reference (SC-000123), or every word in the site's code, name or commune. */
  q?: string;
  /** Default `urgency`. */
  sort?: IncidentListSort;
  /** Default INCIDENT_PAGE_DEFAULT_LIMIT, at most INCIDENT_PAGE_MAX_LIMIT. */
  limit?: number;
  /** `nextCursor` of the previous page, opaque; a cursor is bound to the sort it was made with. */
  cursor?: string;
}

/** One page of incidents; `nextCursor` is null on the last page. */
export interface IncidentPage {
  items: IncidentDto[];
  nextCursor: string | null;
  limit: number;
}

/** The board header's figures over the caller's open (not closed) incidents. */
export interface IncidentCounts {
  open: number;
  /** Whose next deadline is at or before `at`. */
  breached: number;
  /** Not yet acknowledged (status `reported`). */
  unacknowledged: number;
  /** Escalated at least once in the current cycle. */
  escalated: number;
  p0: number;
  byStatus: Record<Exclude<IncidentStatus, 'closed'>, number>;
  bySeverity: Record<Severity, number>;
  /** The server's instant the breach count was taken at. */
  at: IsoInstant;
}
