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
