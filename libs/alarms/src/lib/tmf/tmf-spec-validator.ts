import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldProblem, FieldProblemCode } from '@netduty/contracts';

type JsonSchema = { [key: string]: unknown };

/** At most this many problems are reported for one body: enough to fix it, not a flood. */
const MAX_PROBLEMS = 50;

const TYPE_CODES: Record<string, FieldProblemCode> = {
  string: 'not_a_string',
  object: 'not_an_object',
  array: 'not_an_array',
  boolean: 'not_a_boolean',
  integer: 'not_an_integer',
  number: 'not_a_number',
};

/** `/alarmPattern/0/id` → `alarmPattern.0.id` (the project's dotted field paths). */
function fieldOf(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.length > 0 ? parts.join('.') : 'body';
}

function problemOf(error: ErrorObject): FieldProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: fieldOf(error.instancePath, String(params['missingProperty'])), code: 'required' };
    case 'type': {
      const code = TYPE_CODES[String(params['type'])];
      return code ? { field: fieldOf(error.instancePath), code } : { field: fieldOf(error.instancePath), code: 'invalid', params: { rule: 'type' } };
    }
    case 'format':
      return params['format'] === 'date-time'
        ? { field: fieldOf(error.instancePath), code: 'not_a_date' }
        : { field: fieldOf(error.instancePath), code: 'invalid_format' };
    case 'minItems':
      return { field: fieldOf(error.instancePath), code: 'too_few_items', params: { min: Number(params['limit']) } };
    case 'enum':
      return { field: fieldOf(error.instancePath), code: 'not_one_of', params: { allowed: (params['allowedValues'] as unknown[]).map(String) } };
    default:
      return { field: fieldOf(error.instancePath), code: 'invalid', params: { rule: error.keyword } };
  }
}

const SWAGGER_NUMBER_FORMATS = ['int32', 'int64', 'float', 'double'] as const;

/** One published TM Forum document's definitions, validated against with ajv. */
export interface TmfSpecValidator<D extends string> {
  /** A validator for one definition, compiled once. */
  validator(definition: D): ValidateFunction;
  /** The body's problems against a definition (empty when it conforms), as dotted field paths. */
  problems(definition: D, body: unknown): FieldProblem[];
}

/**
 * The validator of a TMF Swagger 2.0 document. Its definitions are JSON Schema (a draft 4 subset), so
 * they are added as one schema document whose `#/definitions/…` references resolve inside it;
 * additional properties stay allowed, as TM Forum allows them. `errata` corrects a copy of the
 * definitions (never the document itself) where the published text contradicts TMF630.
 */
export function tmfSpecValidator<D extends string>(
  publishedSpec: unknown,
  schemaId: string,
  errata: (definitions: Record<string, JsonSchema>) => void = () => undefined,
): TmfSpecValidator<D> {
  let ajv: Ajv | undefined;
  const compiled = new Map<D, ValidateFunction>();
  const validator = (definition: D): ValidateFunction => {
    const known = compiled.get(definition);
    if (known) return known;
    if (!ajv) {
      const definitions = structuredClone((publishedSpec as { definitions: Record<string, JsonSchema> }).definitions);
      errata(definitions);
      ajv = new Ajv({ allErrors: true, strict: true });
      addFormats(ajv, ['date-time', 'uri']);
      // Swagger 2.0's numeric formats are storage hints for a number (OpenAPI's data types), not rules.
      for (const hint of SWAGGER_NUMBER_FORMATS) ajv.addFormat(hint, true);
      ajv.addSchema({ $id: schemaId, definitions });
    }
    const validate = ajv.compile({ $ref: `${schemaId}#/definitions/${definition}` });
    compiled.set(definition, validate);
    return validate;
  };
  const problems = (definition: D, body: unknown): FieldProblem[] => {
    if (body === undefined) return [{ field: 'body', code: 'required' }];
    const validate = validator(definition);
    if (validate(body)) return [];
    const seen = new Set<string>();
    const found: FieldProblem[] = [];
    for (const error of validate.errors ?? []) {
      const problem = problemOf(error);
      const key = `${problem.field}|${problem.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(problem);
      if (found.length >= MAX_PROBLEMS) break;
    }
    return found;
  };
  return { validator, problems };
}
