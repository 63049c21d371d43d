import type { IncidentExportFormat, IncidentListQuery, Language, OperatorCode } from '@netduty/contracts';
import { DISPLAY_TIME_ZONE, dayjs } from '../../../lib/date-time';
import { startOfProvinceDay } from '../../audit/lib/audit-filters';

export interface HistoryFilters {
  /** Reference, site code or name, commune; diacritics optional. */
  text: string;
  operator: OperatorCode[];
  commune: string[];
  /** Days (YYYY-MM-DD) in the province, both included. */
  dateRange: [string, string] | undefined;
}

export const EMPTY_HISTORY_FILTERS: HistoryFilters = { text: '', operator: [], commune: [], dateRange: undefined };

/** Closed incidents, newest report first; the period runs from the first day's 00:00 to the day after the last, in the province. */
export function toHistoryQuery(filters: HistoryFilters): IncidentListQuery {
  const query: IncidentListQuery = { open: false, status: ['closed'], sort: 'recent' };
  const q = filters.text.trim();
  if (q) query.q = q;
  if (filters.operator.length > 0) query.operator = filters.operator;
  if (filters.commune.length > 0) query.commune = filters.commune;
  if (filters.dateRange) {
    const [first, last] = filters.dateRange[0] <= filters.dateRange[1] ? filters.dateRange : [filters.dateRange[1], filters.dateRange[0]];
    query.from = startOfProvinceDay(first);
    query.to = startOfProvinceDay(dayjs.utc(last).add(1, 'day').format('YYYY-MM-DD'));
  }
  return query;
}

/** The name an export is saved under, dated in the province (the server's Content-Disposition says the same). */
export function historyExportFileName(now: Date, format: IncidentExportFormat, language: Language): string {
  return `${language === 'vi' ? 'Sự cố NetDuty' : 'NetDuty incidents'} ${dayjs(now).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD')}.${format}`;
}
