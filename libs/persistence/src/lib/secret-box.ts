import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/** A stored secret: AES-256-GCM, `enc:v1:<iv>:<tag>:<ciphertext>` in base64url. */
const PREFIX = 'enc:v1:';

let key: Buffer | null = null;

/**
 * Sets the key the gateway secrets are sealed with (32 bytes), once per process at the database's
 * set-up (PlatformModule). Without it, writing a secret fails loudly rather than storing it in clear.
 */
export function useSecretKey(secretKey: Buffer): void {
  if (secretKey.length !== 32) throw new Error('the secrets key must be 32 bytes');
  key = secretKey;
}

function requireKey(): Buffer {
  if (!key) throw new Error('no secrets key: the process did not set one up (PlatformModule)');
  return key;
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${sealed.toString('base64url')}`;
}

/** A sealed value opened; a value stored before secrets were sealed is returned as it is. */
export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, sealed] = stored.slice(PREFIX.length).split(':');
  if (!iv || !tag || sealed === undefined) throw new Error('a stored secret is damaged');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A secret sealed under another key (the key changed) cannot be opened: it reads as absent, so the
 * gateway stays listable and editable and its sends fail visibly (the delivery log says why) until an
 * administrator enters the secret again.
 */
export function openSecretIfReadable(stored: string): string | null {
  try {
    return openSecret(stored);
  } catch {
    return null;
  }
}

/** A text column holding one secret (an SMTP password, a webhook key). */
export const SEALED_TEXT: ValueTransformer = {
  to: (value: string | null | undefined) => (typeof value === 'string' ? sealSecret(value) : value),
  from: (value: string | null) => (typeof value === 'string' ? openSecretIfReadable(value) : value),
};

/** A jsonb map whose values are secrets (a gateway's headers: API keys, bearer tokens); names stay readable. */
export const SEALED_VALUES: ValueTransformer = {
  to: (value: Record<string, string> | null | undefined) =>
    value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([name, text]) => [name, sealSecret(text)])) : value,
  from: (value: Record<string, string> | null) =>
    value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).flatMap(([name, text]) => {
          const opened = openSecretIfReadable(text);
          return opened === null ? [] : [[name, opened]];
        }))
      : value,
};
