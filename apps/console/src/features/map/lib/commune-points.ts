import type { CoverageImpactDto, MapSiteDto, OperatorCode } from '@netduty/contracts';

/**
 * The reference data has no commune polygons (only the province and its former districts), so a commune
 * is drawn as a labelled point at the centroid of its sites: where its network is, which is what an
 * officer looks for. A commune without sites in scope has no point.
 */
export interface CommunePoint {
  communeCode: string;
  latitude: number;
  longitude: number;
  sites: number;
}

/** The mean position of each commune's sites (communes are a few kilometres across: no projection needed). */
export function communePoints(sites: readonly Pick<MapSiteDto, 'communeCode' | 'latitude' | 'longitude'>[]): CommunePoint[] {
  const sums = new Map<string, { latitude: number; longitude: number; sites: number }>();
  for (const site of sites) {
    const sum = sums.get(site.communeCode) ?? { latitude: 0, longitude: 0, sites: 0 };
    sum.latitude += site.latitude;
    sum.longitude += site.longitude;
    sum.sites += 1;
    sums.set(site.communeCode, sum);
  }
  return [...sums.entries()]
    .map(([communeCode, sum]) => ({ communeCode, latitude: sum.latitude / sum.sites, longitude: sum.longitude / sum.sites, sites: sum.sites }))
    .sort((a, b) => a.communeCode.localeCompare(b.communeCode));
}

/** How a commune's mobile coverage is hit: no operator has service, or these operators lost theirs. */
export interface CommuneImpact {
  communeCode: string;
  name: string;
  formerDistrict: string | null;
  withoutAnyService: boolean;
  /** Operators whose every BTS in the commune is down (all of them when it has no service at all). */
  lostOperators: OperatorCode[];
}

/** The network-safety coverage turned into one entry per impacted commune, the worst (no service) first. */
export function communeImpacts(coverage: Pick<CoverageImpactDto, 'byOperator' | 'withoutAnyService'> | null | undefined): CommuneImpact[] {
  if (!coverage) return [];
  const impacts = new Map<string, CommuneImpact>();
  const entry = (commune: { code: string; name: string; formerDistrict: string | null }): CommuneImpact => {
    const existing = impacts.get(commune.code);
    if (existing) return existing;
    const created: CommuneImpact = { communeCode: commune.code, name: commune.name, formerDistrict: commune.formerDistrict, withoutAnyService: false, lostOperators: [] };
    impacts.set(commune.code, created);
    return created;
  };
  for (const commune of coverage.withoutAnyService) entry(commune).withoutAnyService = true;
  for (const operator of coverage.byOperator) {
    for (const commune of operator.communes) {
      const impact = entry(commune);
      if (!impact.lostOperators.includes(operator.operatorCode)) impact.lostOperators.push(operator.operatorCode);
    }
  }
  return [...impacts.values()].sort((a, b) => Number(b.withoutAnyService) - Number(a.withoutAnyService) || b.lostOperators.length - a.lostOperators.length || a.name.localeCompare(b.name, 'vi'));
}
