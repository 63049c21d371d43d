import type { IncidentDto, IncidentListQuery, IncidentPage } from '@netduty/contracts';
import { compareByUrgencyThenId, foldForSearch, isOpen } from '@netduty/domain';
import type { InfiniteData } from '@tanstack/react-query';

function includesOrUnfiltered<T>(filter: readonly T[] | undefined, value: T): boolean {
  return !filter || filter.length === 0 || filter.includes(value);
}

/** The server's search (`q`): the reference, or every folded word in the site's code, name and commune. */
function matchesSearch(incident: IncidentDto, q: string | undefined): boolean {
  const text = q?.trim() ?? '';
  if (!text) return true;
  if (incident.reference.toLowerCase().includes(text.toLowerCase())) return true;
  const words = foldForSearch(text).split(' ').filter(Boolean);
  if (words.length === 0) return false;
  const { site } = incident;
  const haystack = foldForSearch([site.code, site.name, site.commune.name, site.commune.formerDistrict ?? ''].join(' '));
  return words.every((word) => haystack.includes(word));
}

/**
 * Whether the server would return `incident` for `query`; mirrors GET /incidents' filters. topLevel
 * leaves out a child only when its parent is on the caller's board (`parentShown`): the server keeps a
 * child whose parent the caller cannot see at the top.
 */
export function matchesListQuery(incident: IncidentDto, query: IncidentListQuery, parentShown: (id: string) => boolean = () => true): boolean {
  if ((query.open ?? true) && !isOpen(incident.status)) return false;
  const reportedAt = Date.parse(incident.reportedAt);
  if (query.from && reportedAt < Date.parse(query.from)) return false;
  if (query.to && reportedAt >= Date.parse(query.to)) return false;
  if (query.topLevel === true && incident.parentIncidentId !== null && parentShown(incident.parentIncidentId)) return false;
  if (query.parent !== undefined && incident.parentIncidentId !== query.parent) return false;
  return (
    includesOrUnfiltered(query.status, incident.status) &&
    includesOrUnfiltered(query.severity, incident.severity) &&
    includesOrUnfiltered(query.priority, incident.priority) &&
    includesOrUnfiltered(query.category, incident.category) &&
    includesOrUnfiltered(query.operator, incident.site.operator.code) &&
    includesOrUnfiltered(query.commune, incident.site.commune.code) &&
    includesOrUnfiltered(query.site, incident.site.id) &&
    matchesSearch(incident, query.q)
  );
}

/** The order the server pages `query` in, so a live update lands where the next fetch would put it. */
export function listComparator(query: IncidentListQuery): (a: IncidentDto, b: IncidentDto) => number {
  if (query.sort === 'recent') {
    return (a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  }
  const key = (incident: IncidentDto) => ({ id: incident.id, severity: incident.severity, priority: incident.priority, nextDueAt: incident.nextDeadline?.dueAt ?? null });
  // The order depends on the clock (breached first): placed as of now, as the server's next page would be.
  return (a, b) => compareByUrgencyThenId(key(a), key(b), new Date());
}

/** True when `candidate` is older than what is already cached (events can overtake a refetch). */
export function isStale(candidate: IncidentDto, cached: IncidentDto | undefined): boolean {
  if (!cached) return false;
  return Date.parse(candidate.updatedAt) < Date.parse(cached.updatedAt);
}

/**
 * Folds one incident (from a socket event or an action's response) into the loaded pages of a list:
 * it leaves the page it was on, and while it matches the list's filters it goes where the server's
 * order puts it — unless that is past the last loaded row of a list with more pages, where the next
 * page (which starts after that row) will bring it. Versions older than the cached one are ignored.
 */
export function applyIncidentToPages(
  data: InfiniteData<IncidentPage, string | undefined>,
  incident: IncidentDto,
  query: IncidentListQuery,
): InfiniteData<IncidentPage, string | undefined> {
  const items = data.pages.flatMap((page) => page.items);
  const cached = items.find((item) => item.id === incident.id);
  if (isStale(incident, cached)) return data;
  const belongs = matchesListQuery(incident, query, (parentId) => items.some((item) => item.id === parentId));
  if (!cached && !belongs) return data;

  const pages = data.pages.map((page) => (cached ? { ...page, items: page.items.filter((item) => item.id !== incident.id) } : page));
  if (belongs) {
    const compare = listComparator(query);
    const hasMore = (pages[pages.length - 1]?.nextCursor ?? null) !== null;
    let target = -1;
    for (let index = 0; index < pages.length && target < 0; index += 1) {
      const last = pages[index]?.items.at(-1);
      if (last && compare(incident, last) < 0) target = index;
    }
    if (target < 0 && !hasMore) target = Math.max(0, pages.length - 1);
    if (target < 0 && !cached) return data;
    const page = pages[target];
    if (page) {
      const items = [...page.items];
      const at = items.findIndex((item) => compare(incident, item) < 0);
      items.splice(at < 0 ? items.length : at, 0, incident);
      pages[target] = { ...page, items };
    }
  }
  return { ...data, pages };
}
