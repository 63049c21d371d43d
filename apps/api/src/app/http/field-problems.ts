import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldProblem, FieldProblemCode, FieldProblemParams } from '@netduty/contracts';

/** class-validator's constraint names → the wire's field problem codes, with their parameters. */
const BY_CONSTRAINT: Record<string, { code: FieldProblemCode; params?: (constraints: unknown[]) => FieldProblemParams }> = {
  isDefined: { code: 'required' },
  isNotEmpty: { code: 'required' },
  whitelistValidation: { code: 'unknown_field' },
  unknownValue: { code: 'not_an_object' },
  nestedValidation: { code: 'not_an_object' },
  isObject: { code: 'not_an_object' },
  isString: { code: 'not_a_string' },
  isInt: { code: 'not_an_integer' },
  isNumber: { code: 'not_a_number' },
  isBoolean: { code: 'not_a_boolean' },
  isArray: { code: 'not_an_array' },
  isUuid: { code: 'not_a_uuid' },
  isUUID: { code: 'not_a_uuid' },
  isIso8601: { code: 'not_a_date' },
  isISO8601: { code: 'not_a_date' },
  isDateString: { code: 'not_a_date' },
  isEmail: { code: 'not_an_email' },
  isLatitude: { code: 'not_a_latitude' },
  isLongitude: { code: 'not_a_longitude' },
  matches: { code: 'invalid_format' },
  isIn: { code: 'not_one_of', params: ([allowed]) => ({ allowed: (allowed as unknown[]).map(String) }) },
  isEnum: { code: 'not_one_of', params: ([entity]) => ({ allowed: Object.values(entity as object).map(String) }) },
  maxLength: { code: 'too_long', params: ([max]) => ({ max: Number(max) }) },
  minLength: { code: 'too_short', params: ([min]) => ({ min: Number(min) }) },
  min: { code: 'too_small', params: ([min]) => ({ min: Number(min) }) },
  max: { code: 'too_large', params: ([max]) => ({ max: Number(max) }) },
  arrayMinSize: { code: 'too_few_items', params: ([min]) => ({ min: Number(min) }) },
  arrayMaxSize: { code: 'too_many_items', params: ([max]) => ({ max: Number(max) }) },
};

/** The parameters a decorator was given (e.g. MaxLength(200) → [200]), read from class-validator's metadata. */
function constraintArguments(error: ValidationError, name: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((candidate) => candidate.propertyName === error.property && candidate.name === name);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/**
 * One field problem per broken constraint of one property. `Length(min, max)` is told apart by which
 * end it broke; a constraint without a code of its own is `invalid` naming the rule.
 */
export function fieldProblemsOf(error: ValidationError, field: string): FieldProblem[] {
  return Object.keys(error.constraints ?? {}).map((name): FieldProblem => {
    if (name === 'isLength') {
      const [min, max] = constraintArguments(error, name).map(Number);
      const length = typeof error.value === 'string' ? error.value.length : undefined;
      if (length !== undefined && max !== undefined && length > max) return { field, code: 'too_long', params: { max } };
      return { field, code: 'too_short', params: { min: min ?? 0 } };
    }
    const known = BY_CONSTRAINT[name];
    if (!known) return { field, code: 'invalid', params: { rule: name } };
    return known.params ? { field, code: known.code, params: known.params(constraintArguments(error, name)) } : { field, code: known.code };
  });
}
