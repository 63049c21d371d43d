/** Shapes of the demo province and its size limits. */
import type { CreateSiteRequest, IncidentCategory, IncidentStatus, OperatorCode, OperatorKind, Severity } from '@netduty/contracts';
import type { MultiPolygonCoordinates } from './geo';
import type { Random } from './random';

// ------------------------------------------------------------------------------------------ types

export type DivisionType = 'phường' | 'xã';

export interface DemoProvinceInfo {
  code: string;
  name: string;
}

export interface DemoOperator {
  code: OperatorCode;
  name: string;
  kind: OperatorKind;
}

export interface DemoCommune {
  /** NSO code, zero-padded to 5 digits, e.g. '05977'. */
  code: string;
  provinceCode: string;
  /** Full name with its type, e.g. 'Phường Đông Kinh', 'Xã Thất Khê'. */
  name: string;
  divisionType: DivisionType;
  /** The pre-2025 district it mostly comes from, e.g. 'Huyện Tràng Định'; a label only. */
  formerDistrict: string | null;
}

export interface DemoFormerDistrict {
  /** GSO code of the former district, e.g. '180'. */
  code: string;
  name: string;
  /** The 2025 unit that holds the former district seat (former thị trấn / city centre). */
  seatCommuneCode: string | null;
  /** Simplified boundary, GeoJSON MultiPolygon coordinates in [lon, lat]. */
  polygon: MultiPolygonCoordinates;
}

/** A demo site is exactly what an administrator would POST to /sites. */
export type DemoSite = CreateSiteRequest;

export interface DemoCluster {
  /** Stable key, e.g. 'viettel-trang-dinh', 'vnpt-tp-lang-son-cao-loc'. */
  key: string;
  name: string;
  operatorCode: OperatorCode;
  communeCodes: string[];
}

export interface DemoResponder {
  /** Stable key, e.g. 'viettel-trang-dinh-1'; the first of each cluster is its lead. */
  key: string;
  name: string;
  phone: string;
  operatorCode: OperatorCode;
  clusterKey: string;
}

/**
 * An incident the seeder creates and then drives, through the normal actions, to `status`:
 * report at now − reportedMinutesAgo → acknowledge → assign `assignResponderCount` responders of the
 * cluster covering the site → resolve → close, or resolve → reopen. Comments are added in order,
 * before closing (a closed incident accepts no comments).
 */
export interface DemoIncidentSpec {
  /** Stable key, e.g. 'demo-01'. */
  key: string;
  siteCode: string;
  category: IncidentCategory;
  severity: Severity;
  description: string;
  /** A responder of the cluster that covers the site (cluster staff report faults). */
  reporterName: string;
  reportedMinutesAgo: number;
  /** Target status. 'reported' and 'acknowledged' have no assignee; 'in_progress' has at least one. */
  status: IncidentStatus;
  /** 0–2, taken from the responders of the cluster covering the site. */
  assignResponderCount: number;
  comments: string[];
}

export interface DemoProvince {
  seed: number;
  province: DemoProvinceInfo;
  /** Simplified province outline, GeoJSON MultiPolygon coordinates in [lon, lat]. */
  provinceOutline: MultiPolygonCoordinates;
  formerDistricts: DemoFormerDistrict[];
  operators: DemoOperator[];
  communes: DemoCommune[];
  sites: DemoSite[];
  clusters: DemoCluster[];
  responders: DemoResponder[];
  incidents: DemoIncidentSpec[];
}

export interface BuildDemoProvinceOptions {
  /** PRNG seed; defaults to DEFAULT_DEMO_SEED. */
  seed?: number;
  /** Number of sites; defaults to 640. Must be between MIN_DEMO_SITE_COUNT and MAX_DEMO_SITE_COUNT. */
  siteCount?: number;
}

export const DEFAULT_DEMO_SEED = 20_251_017;
export const DEFAULT_DEMO_SITE_COUNT = 640;
/** Below this the mandatory sites (P0 set, one BTS per commune per telecom operator, …) do not fit. */
export const MIN_DEMO_SITE_COUNT = 600;
/** Above this the 4-digit Viettel site numbers could run out. */
export const MAX_DEMO_SITE_COUNT = 5000;


/** What every part of the generator reads: the seeded random source and the units of the province. */
export interface Context {
  random: Random;
  communes: DemoCommune[];
  byCode: Map<string, DemoCommune>;
  districts: DemoFormerDistrict[];
  districtOf: (communeCode: string) => DemoFormerDistrict | undefined;
  seatOf: Map<string, string>; // district name → seat commune code
  weight: (commune: DemoCommune) => number;
}
