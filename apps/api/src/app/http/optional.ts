import { ValidateIf } from 'class-validator';

/**
 * An optional field that, when sent, must be valid: only a missing field (undefined) skips the checks.
 * class-validator's IsOptional also lets `null` through, which a non-nullable column then refuses with
 * a 500; use IsOptional only where null is a meaning the field has (e.g. "no phone").
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
