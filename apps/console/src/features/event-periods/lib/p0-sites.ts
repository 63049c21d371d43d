import type { SiteSummaryDto } from '@netduty/contracts';
import { sitesWithinRadius, type GeoPoint } from '@netduty/domain';

/**
 * Adds to the chosen P0 sites those of `candidates` (the site list loaded on screen) within `metres` of
 * `centre`, nearest first; those already chosen keep their place. Returns the new list and how many it added.
 */
export function addSitesWithinRadius(
  chosen: readonly string[],
  candidates: readonly SiteSummaryDto[],
  centre: GeoPoint,
  metres: number,
): { ids: string[]; added: SiteSummaryDto[] } {
  const already = new Set(chosen);
  const added = sitesWithinRadius(candidates, centre, metres)
    .map((entry) => entry.site)
    .filter((site) => !already.has(site.id));
  return { ids: [...chosen, ...added.map((site) => site.id)], added };
}
