import { haversineMetres, type GeoPoint } from './geo-distance';

export interface SiteWithinRadius<S> {
  site: S;
  distanceMetres: number;
}

/**
 * The sites at most `metres` from `centre` (the boundary included), nearest first, ties by id: choosing an
 * event's P0 sites "by radius around the venue".
 */
export function sitesWithinRadius<S extends GeoPoint & { id: string }>(
  sites: readonly S[],
  centre: GeoPoint,
  metres: number,
): SiteWithinRadius<S>[] {
  if (!Number.isFinite(metres) || metres < 0) throw new RangeError(`radius ${metres} is not a distance`);
  return sites
    .map((site) => ({ site, distanceMetres: haversineMetres(centre, site) }))
    .filter((entry) => entry.distanceMetres <= metres)
    .sort((a, b) => a.distanceMetres - b.distanceMetres || (a.site.id < b.site.id ? -1 : a.site.id > b.site.id ? 1 : 0));
}
