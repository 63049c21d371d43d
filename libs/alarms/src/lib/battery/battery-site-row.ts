import type { OperatorCode, OperatorKind, PriorityTier, SiteDownKind, SiteKind, SiteState, SiteSummaryDto } from '@netduty/contracts';

/** A site as the battery queries read it, with its operator and commune (`s`, `o`, `c` in their FROM). */
export interface BatterySiteRow {
  site_id: string;
  site_code: string;
  site_name: string;
  site_kind: SiteKind;
  site_priority: PriorityTier;
  latitude: number;
  longitude: number;
  site_state: SiteState;
  site_down_kind: SiteDownKind | null;
  operator_code: OperatorCode;
  operator_name: string;
  operator_kind: OperatorKind;
  commune_code: string;
  commune_name: string;
  commune_division_type: string;
  commune_former_district: string | null;
}

/** The columns of BatterySiteRow, over `sites s JOIN operators o … JOIN communes c …`. */
export const BATTERY_SITE_COLUMNS = `
  s.id AS site_id, s.code AS site_code, s.name AS site_name, s.kind AS site_kind, s.priority AS site_priority,
  s.latitude, s.longitude, s.state AS site_state, s.down_kind AS site_down_kind,
  o.code AS operator_code, o.name AS operator_name, o.kind AS operator_kind,
  c.code AS commune_code, c.name AS commune_name, c.division_type AS commune_division_type, c.former_district AS commune_former_district`;

export const BATTERY_SITE_JOINS = `JOIN operators o ON o.code = s.operator_code JOIN communes c ON c.code = s.commune_code`;

export function toBatterySiteSummary(row: BatterySiteRow): SiteSummaryDto {
  return {
    id: row.site_id,
    code: row.site_code,
    name: row.site_name,
    kind: row.site_kind,
    operator: { code: row.operator_code, name: row.operator_name, kind: row.operator_kind },
    commune: { code: row.commune_code, name: row.commune_name, divisionType: row.commune_division_type, formerDistrict: row.commune_former_district },
    priority: row.site_priority,
    latitude: row.latitude,
    longitude: row.longitude,
    state: row.site_state,
    downKind: row.site_down_kind,
  };
}
