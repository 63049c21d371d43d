import type { OperatorCode, PriorityTier, SiteKind } from './enums';

/**
 * Length and size limits of request fields, written once: the api's DTOs validate with them, the
 * console's forms cap their inputs with them, and a refusal names them (too_long {max}).
 */
/** An incident's description, a comment, a note, a reopen reason. */
export const INCIDENT_TEXT_MAX_LENGTH = 4000;
/** A person's or an operator's name (reporter, display name). */
export const NAME_MAX_LENGTH = 120;
/** A cluster's or a site's name. */
export const PLACE_NAME_MAX_LENGTH = 160;
/** A commune code (e.g. 06529). */
export const COMMUNE_CODE_MAX_LENGTH = 10;
export const MAX_RESPONDERS_PER_ASSIGNMENT = 20;
export const MAX_COMMUNES_PER_CLUSTER = 500;

/** An upstream's code (power feeder, transmission route, aggregation node), trimmed: 1–64 characters. */
export const UPSTREAM_CODE_MAX_LENGTH = 64;
/**
 * The characters of an upstream's code: ASCII letters, digits and . _ - / and spaces, starting with a
 * letter or a digit (so the code is never read as a spreadsheet formula and exports as it is). An empty
 * string passes the pattern and is refused by the length (too_short), so it gets one problem, not two.
 */
export const UPSTREAM_CODE_PATTERN = /^(?:[A-Za-z0-9][A-Za-z0-9._/ -]*)?$/;
/** A site's battery bank, ampere-hours (0: no bank). */
export const BATTERY_CAPACITY_AH_MAX = 10_000;
/** A site's load on the batteries once mains is lost, watts. */
export const LOAD_WATTS_MIN = 1;
export const LOAD_WATTS_MAX = 100_000;

/** The columns of the site dependencies CSV (import and export), in the order the export writes them. */
export const SITE_DEPENDENCY_CSV_COLUMNS = ['site_code', 'power_feeder', 'transmission_route', 'aggregation_node', 'battery_capacity_ah', 'load_watts'] as const;
export type SiteDependencyCsvColumn = (typeof SITE_DEPENDENCY_CSV_COLUMNS)[number];
/** POST /sites/dependencies/import: the body's size (bytes) and its data rows, at most. */
export const SITE_DEPENDENCY_CSV_MAX_BYTES = 2_000_000;
export const SITE_DEPENDENCY_CSV_MAX_ROWS = 20_000;
/** How many problems a refused import names at most (the first ones, in row order). */
export const SITE_DEPENDENCY_CSV_MAX_PROBLEMS = 100;

/** A phone number as people write it: digits with spaces, dots or dashes, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9 .-]{6,20}$/;

/** POST /responders (PATCH /responders/:id takes any part of it, and `active`). */
export interface CreateResponderRequest {
  clusterId: string;
  name: string;
  phone: string;
}

export interface UpdateResponderRequest {
  clusterId?: string;
  name?: string;
  phone?: string;
  active?: boolean;
}

/** POST /clusters. */
export interface CreateClusterRequest {
  operatorCode: OperatorCode;
  name: string;
  communeCodes: string[];
}

/** POST /sites: a site of the register (PATCH /sites/:id takes any part of it). */
export interface CreateSiteRequest {
  code: string;
  name: string;
  kind: SiteKind;
  operatorCode: OperatorCode;
  communeCode: string;
  latitude: number;
  longitude: number;
  priority: PriorityTier;
  /** Upstream codes (UPSTREAM_CODE_PATTERN); null clears, absent leaves as is (PATCH) or unknown (POST). */
  powerFeeder?: string | null;
  transmissionRoute?: string | null;
  aggregationNode?: string | null;
  /** 0–BATTERY_CAPACITY_AH_MAX; null: the default of the site's kind. */
  batteryCapacityAh?: number | null;
  /** LOAD_WATTS_MIN–LOAD_WATTS_MAX; null: the default of the site's kind. */
  loadWatts?: number | null;
}

/** PATCH /clusters/:id — only what changes. */
export interface UpdateClusterRequest {
  name?: string;
  communeCodes?: string[];
}

/** PATCH /operators/:code. */
export interface RenameOperatorRequest {
  name: string;
}
