import type { MapSiteDto, SiteState } from '@netduty/contracts';

/** What a cluster of sites carries: how many, how many in each state, how many open incidents. */
export interface SiteTally {
  sites: number;
  inService: number;
  degraded: number;
  down: number;
  openIncidents: number;
}

export function emptyTally(): SiteTally {
  return { sites: 0, inService: 0, degraded: 0, down: 0, openIncidents: 0 };
}

/** One site's tally (supercluster's `map`). */
export function tallyOfSite(site: Pick<MapSiteDto, 'state' | 'openIncidents'>): SiteTally {
  return {
    sites: 1,
    inService: site.state === 'in_service' ? 1 : 0,
    degraded: site.state === 'degraded' ? 1 : 0,
    down: site.state === 'down' ? 1 : 0,
    openIncidents: site.openIncidents,
  };
}

/** Adds `other` into `into` (supercluster's `reduce`, which accumulates in place). */
export function addTally(into: SiteTally, other: Readonly<SiteTally>): SiteTally {
  into.sites += other.sites;
  into.inService += other.inService;
  into.degraded += other.degraded;
  into.down += other.down;
  into.openIncidents += other.openIncidents;
  return into;
}

export function tallySites(sites: readonly Pick<MapSiteDto, 'state' | 'openIncidents'>[]): SiteTally {
  return sites.reduce((tally, site) => addTally(tally, tallyOfSite(site)), emptyTally());
}

/** The cluster's colour: the worst state any of its sites is in. */
export function worstStateOf(tally: Readonly<SiteTally>): SiteState {
  if (tally.down > 0) return 'down';
  if (tally.degraded > 0) return 'degraded';
  return 'in_service';
}

/**
 * A cluster's circle radius in pixels: grows with the log of its size, so a cluster of 2,000 is bigger
 * than one of 20 without covering the province.
 */
export function clusterRadius(sites: number): number {
  return Math.min(26, Math.round(9 + 2.2 * Math.log2(Math.max(2, sites))));
}

/** Short counts ("1.3k") keep a cluster's label inside its circle. */
export function shortCount(count: number): string {
  if (count < 1000) return String(count);
  const thousands = count / 1000;
  return `${thousands < 10 ? thousands.toFixed(1).replace(/\.0$/, '') : Math.round(thousands)}k`;
}
