import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MapSiteDto, NetworkSafetyDto } from '@netduty/contracts';
import { apiRequest } from '../../../lib/api-client';

export const mapKeys = {
  all: ['map'] as const,
  sites: ['map', 'sites'] as const,
  networkSafety: ['map', 'network-safety'] as const,
  boundaries: ['map', 'boundaries'] as const,
  siteIncidents: (siteId: string) => ['map', 'site-incidents', siteId] as const,
};

/** A feature of the boundaries file: the province (`province`) or one of its 11 former districts. */
export interface BoundaryProperties {
  level: 'province' | 'former_district';
  code: string;
  name: string;
}

export type Boundaries = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

/** Every site in the caller's scope, small enough for 8,000 at once. */
export function fetchMapSites(signal?: AbortSignal): Promise<MapSiteDto[]> {
  return apiRequest<MapSiteDto[]>('/sites/map', { signal });
}

/** The leadership's picture now; the map takes the communes whose coverage is lost from it. */
export function fetchNetworkSafety(signal?: AbortSignal): Promise<NetworkSafetyDto> {
  return apiRequest<NetworkSafetyDto>('/analytics/network-safety', { signal });
}

/**
 * The province outline and former districts (GeoJSON, WGS84), shipped with the console in
 * public/geo/lang-son.json — a copy of the reference data's lang-son-boundaries.geojson, from the
 * government's administrative map system (gis.chinhphu.vn) via the open-source dvhcvn dataset — and
 * fetched only when the map opens: no internet, no tiles. Named .json so that nginx serves it as
 * application/json, which it compresses (374 kB as it is).
 */
export async function fetchBoundaries(signal?: AbortSignal): Promise<Boundaries> {
  const response = await fetch(`${import.meta.env.BASE_URL}geo/lang-son.json`, { signal });
  if (!response.ok) throw new Error(`boundaries: HTTP ${response.status}`);
  return (await response.json()) as Boundaries;
}
