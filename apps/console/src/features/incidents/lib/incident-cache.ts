import type { IncidentDto, IncidentListQuery, Page } from '@netduty/contracts';
import { isOpen } from '@netduty/domain';

function includesOrUnfiltered<T>(filter: readonly T[] | undefined, value: T): boolean {
  return !filter || filter.length === 0 || filter.includes(value);
}

/** Whether the server would return `incident` for `query`; mirrors GET /incidents' filters. */
export function matchesListQuery(incident: IncidentDto, query: IncidentListQuery): boolean {
  if ((query.open ?? true) && !isOpen(incident.status)) return false;
  return (
    includesOrUnfiltered(query.status, incident.status) &&
    includesOrUnfiltered(query.severity, incident.severity) &&
    includesOrUnfiltered(query.operator, incident.site.operator.code) &&
    includesOrUnfiltered(query.commune, incident.site.commune.code)
  );
}

/** True when `candidate` is older than what is already cached (events can overtake a refetch). */
export function isStale(candidate: IncidentDto, cached: IncidentDto | undefined): boolean {
  if (!cached) return false;
  return Date.parse(candidate.updatedAt) < Date.parse(cached.updatedAt);
}

/**
 * Folds one incident (from a socket event or an action's response) into a cached board page:
 * upserts it by id while it matches the page's filters, drops it when it no longer does
 * (e.g. it was closed or its severity changed), and ignores versions older than the cached one.
 */
export function applyIncidentToPage(
  page: Page<IncidentDto>,
  incident: IncidentDto,
  query: IncidentListQuery,
): Page<IncidentDto> {
  const index = page.items.findIndex((item) => item.id === incident.id);
  const cached = index >= 0 ? page.items[index] : undefined;
  if (isStale(incident, cached)) return page;

  const belongs = matchesListQuery(incident, query);
  if (belongs && index >= 0) {
    const items = page.items.slice();
    items[index] = incident;
    return { ...page, items };
  }
  if (belongs) return { items: [...page.items, incident], total: page.total + 1 };
  if (index >= 0) {
    return { items: page.items.filter((item) => item.id !== incident.id), total: Math.max(0, page.total - 1) };
  }
  return page;
}
