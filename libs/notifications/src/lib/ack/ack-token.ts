import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../uuid';

/** What an acknowledge link grants: one acknowledgement of one incident, as one person, until it expires. */
export interface AckTokenClaims {
  /** Random id of this token; redeeming stores it, so the link works once. */
  tokenId: string;
  incidentId: string;
  userId: string;
  /** Seconds since the epoch (UTC). */
  expiresAt: number;
}

export type AckTokenCheck =
  | { ok: true; claims: AckTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const VERSION = 'a1';

function mac(body: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${body}`).digest();
}

/**
 * `a1.<claims, base64url JSON>.<HMAC-SHA256, base64url>`. The key is derived from the process secret for
 * this one purpose (see ackTokenKey), so a link can never pass as an access token or the other way round.
 */
export function signAckToken(claims: AckTokenClaims, key: Buffer): string {
  const body = Buffer.from(JSON.stringify([claims.tokenId, claims.incidentId, claims.userId, claims.expiresAt])).toString('base64url');
  return `${VERSION}.${body}.${mac(body, key).toString('base64url')}`;
}

export function verifyAckToken(token: string, key: Buffer, now: Date = new Date()): AckTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
  const [, body = '', signature = ''] = parts;
  const expected = mac(body, key);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, reason: 'malformed' };
  const [tokenId, incidentId, userId, expiresAt] = fields as unknown[];
  if (typeof tokenId !== 'string' || typeof incidentId !== 'string' || typeof userId !== 'string' || typeof expiresAt !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (![tokenId, incidentId, userId].every(isUuid)) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= expiresAt * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { tokenId, incidentId, userId, expiresAt } };
}

/** The acknowledge-link key: HMAC of a fixed label under the process secret (JWT_SECRET), never the secret itself. */
export function ackTokenKey(processSecret: string): Buffer {
  return createHmac('sha256', processSecret).update('netduty.notifications.ack-link.v1').digest();
}
