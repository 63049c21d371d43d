import type { MapSiteDto, SiteDownKind, SiteState } from '@netduty/contracts';

/** How the map draws a site: its state, and for a down site how it is down. */
export type SiteLook = 'in_service' | 'degraded' | SiteDownKind;

/** Least to most serious: the legend's order, the drawing order (worst on top) and a cluster's worst. */
export const SITE_LOOKS = ['in_service', 'degraded', 'on_battery', 'on_generator', 'off_air'] as const satisfies readonly SiteLook[];

/**
 * Fill colours, in the families of the console's `.site-state--*` text colours (green, amber, red) but
 * lighter, so a small dot reads on the plain background; the three ways of being down are told apart by
 * shade and by the legend, never by colour alone (the panel writes the state in words).
 */
export const SITE_LOOK_COLOUR: Readonly<Record<SiteLook, string>> = {
  in_service: '#52c41a',
  degraded: '#faad14',
  on_battery: '#fa541c',
  on_generator: '#c41d7f',
  off_air: '#a8071a',
};

export function siteLookOf(site: Pick<MapSiteDto, 'state' | 'downKind'>): SiteLook {
  if (site.state === 'down') return site.downKind ?? 'off_air';
  return site.state;
}

export function lookRank(look: SiteLook): number {
  return SITE_LOOKS.indexOf(look);
}

/** The colour of a state as a whole (a cluster's worst state): down is the off-air red. */
export function stateColour(state: SiteState): string {
  return SITE_LOOK_COLOUR[state === 'down' ? 'off_air' : state];
}

/**
 * Sites needing attention first: the worse the look, then the more open incidents, then by code — the
 * order of the panel's list and, reversed, the order markers are drawn (the worst ends on top).
 */
export function compareByAttention(a: MapSiteDto, b: MapSiteDto): number {
  return lookRank(siteLookOf(b)) - lookRank(siteLookOf(a)) || b.openIncidents - a.openIncidents || a.code.localeCompare(b.code);
}
