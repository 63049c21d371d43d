import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'nd_';
/** `nd_` and 32 random bytes in base64url (43 characters). */
const KEY_FORMAT = /^nd_[A-Za-z0-9_-]{43}$/;
const HINT_LENGTH = 10;

export interface NewNmsApiKey {
  key: string;
  keyHash: string;
  keyHint: string;
}

/** A fresh key: its plaintext (shown once), its SHA-256 (all that is stored) and its hint. */
export function newNmsApiKey(): NewNmsApiKey {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, keyHash: nmsApiKeyHash(key), keyHint: key.slice(0, HINT_LENGTH) };
}

/**
 * SHA-256 hex. A key is 256 random bits, so a fast hash is enough (no salt, no argon2): nothing can be
 * guessed from it, and the lookup by hash leaks nothing about other keys.
 */
export function nmsApiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a header value can be one of our keys at all (anything else is refused without a query). */
export function looksLikeNmsApiKey(value: string): boolean {
  return KEY_FORMAT.test(value);
}
