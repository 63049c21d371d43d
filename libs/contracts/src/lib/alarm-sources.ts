import type { IsoInstant } from './dto';
import type { OperatorCode } from './enums';

/**
 * The operators' network management systems that send TMF642 alarms, and their API keys (admin REST).
 * A key's plaintext is shown once, when it is issued; afterwards only its hint identifies it.
 */
export interface NmsSourceDto {
  /** The TMF642 `sourceSystemId` the NMS sends in every alarm. */
  id: string;
  operatorCode: OperatorCode;
  name: string;
  createdAt: IsoInstant;
  /** Keys not revoked. */
  activeKeys: number;
  /** An SNMPv2c community is set (it is kept only as a hash, never shown). */
  snmpCommunitySet: boolean;
  /** A generic-webhook mapping is saved for it. */
  webhookMapping: boolean;
}

export interface CreateNmsSourceRequest {
  id: string;
  operatorCode: OperatorCode;
  name: string;
}

export interface CreateNmsApiKeyRequest {
  label: string;
}

export interface NmsApiKeyDto {
  id: string;
  sourceSystemId: string;
  label: string;
  /** The key's first characters, to tell keys apart (never enough to use one). */
  keyHint: string;
  createdAt: IsoInstant;
  createdBy: string | null;
  revokedAt: IsoInstant | null;
  lastUsedAt: IsoInstant | null;
}

/**
 * Sets an NMS source's SNMPv2c trap community (PUT /nms-sources/{id}/snmp-community). Only its SHA-256
 * is kept: it cannot be read back, only replaced or removed.
 */
export interface SetSnmpCommunityRequest {
  community: string;
}

/** The answer to issuing a key: the only time its plaintext leaves the server. */
export interface IssuedNmsApiKeyDto extends NmsApiKeyDto {
  /** Send as `X-API-Key`. Kept only as its SHA-256: lost, it cannot be shown again (issue another). */
  key: string;
}

export const NMS_SOURCE_LIMITS = {
  nameMaxLength: 120,
  labelMaxLength: 120,
  /** An SNMPv2c community (RFC 3584 allows up to 255 octets; shorter ones are guessed). */
  snmpCommunityMinLength: 8,
  snmpCommunityMaxLength: 64,
  /** What nms_sources.id allows (its CHECK). */
  idPattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$',
} as const;
