import type { CommuneDto, OperatorDto, SiteDetailDto, SiteSummaryDto } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import type { CommuneEntity, OperatorEntity, SiteEntity } from '@netduty/persistence';

export function toOperatorDto(operator: OperatorEntity): OperatorDto {
  return { code: operator.code, name: operator.name, kind: operator.kind };
}

export function toCommuneDto(commune: CommuneEntity): CommuneDto {
  return {
    code: commune.code,
    name: commune.name,
    divisionType: commune.divisionType,
    formerDistrict: commune.formerDistrict,
  };
}

/** Expects `operator` and `commune` to be loaded. */
export function toSiteSummaryDto(site: SiteEntity): SiteSummaryDto {
  return {
    id: site.id,
    code: site.code,
    name: site.name,
    kind: site.kind,
    operator: toOperatorDto(site.operator),
    commune: toCommuneDto(site.commune),
    priority: site.priority,
    latitude: site.latitude,
    longitude: site.longitude,
    state: site.state,
    downKind: site.downKind,
  };
}

/** The site as the register keeps it, with its upstreams and battery profile. Expects `operator` and `commune` to be loaded. */
export function toSiteDetailDto(site: SiteEntity): SiteDetailDto {
  return {
    ...toSiteSummaryDto(site),
    powerFeeder: site.powerFeeder,
    transmissionRoute: site.transmissionRoute,
    aggregationNode: site.aggregationNode,
    batteryCapacityAh: site.batteryCapacityAh,
    loadWatts: site.loadWatts,
  };
}

/** What a site is found by: its code, name, commune and former district, folded. */
export function siteSearchText(site: { code: string; name: string }, commune: { name: string; formerDistrict: string | null }): string {
  return foldForSearch([site.code, site.name, commune.name, commune.formerDistrict ?? ''].join(' '));
}
