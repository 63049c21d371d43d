import { RequestValidationException } from '../http/validation';

/** An optional Idempotency-Key header: 8–128 visible ASCII characters. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[\x21-\x7e]{8,128}$/.test(value)) {
    // 8–128 visible ASCII characters.
    throw new RequestValidationException([{ field: 'Idempotency-Key', code: 'invalid_format', params: { min: 8, max: 128 } }]);
  }
  return value;
}
