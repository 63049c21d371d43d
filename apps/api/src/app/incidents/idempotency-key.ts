import { RequestValidationException } from '../http/validation';

/** An optional Idempotency-Key header: 8–128 visible ASCII characters. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[\x21-\x7e]{8,128}$/.test(value)) {
    throw new RequestValidationException([{ field: 'Idempotency-Key', problems: ['must be 8-128 visible ASCII characters'] }]);
  }
  return value;
}
