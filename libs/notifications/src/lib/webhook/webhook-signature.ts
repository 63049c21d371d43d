import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature a gateway sends with its webhook: hex HMAC-SHA256 of the raw body, optionally `sha256=`-prefixed. */
export function signWebhookBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Checks the signature over the exact bytes received (never a re-serialised body) with a
 * constant-time comparison. Anything malformed is simply not valid.
 */
export function verifyWebhookSignature(rawBody: Buffer | string, signature: string | undefined, secret: string): boolean {
  if (!signature || !secret) return false;
  const hex = signature.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}
