import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldProblem, FieldProblemCode } from '@netduty/contracts';
// TM Forum's own published document (Apache-2.0, LICENSE-TMForum-APIs.txt beside it), bundled with the
// code: nothing reads the shared specs folder at run time.
import publishedSpec from './TMF642-Alarm-v4.0.0.swagger.json';

/** The definitions of the spec that NetDuty validates bodies against or answers with. */
export type Tmf642Definition =
  | 'Alarm'
  | 'Alarm_Create'
  | 'Alarm_Update'
  | 'AckAlarms'
  | 'AckAlarms_Create'
  | 'ClearAlarms'
  | 'ClearAlarms_Create'
  | 'CommentAlarms'
  | 'CommentAlarms_Create'
  | 'GroupAlarms'
  | 'GroupAlarms_Create'
  | 'EventSubscription'
  | 'EventSubscriptionInput'
  | 'Error';

type JsonSchema = { [key: string]: unknown };

const SCHEMA_ID = 'https://netduty.local/schemas/tmf642-alarm-v4.0.0.json';

/**
 * One erratum of the published v4.0.0 document: `Alarm.id` and `AlarmRefOrValue.id` are typed integer
 * there, while TMF630 makes every resource id a string and the spec's own AlarmRef.id is one. NetDuty's
 * alarm ids are UUIDs, so both are read as strings; nothing else of the document is changed.
 */
const STRING_ID_ERRATA = ['Alarm', 'AlarmRefOrValue'] as const;

function definitionsWithErrata(): Record<string, JsonSchema> {
  const definitions = structuredClone((publishedSpec as unknown as { definitions: Record<string, JsonSchema> }).definitions);
  for (const name of STRING_ID_ERRATA) {
    const properties = definitions[name]?.['properties'] as Record<string, JsonSchema> | undefined;
    if (!properties?.['id']) throw new Error(`TMF642 spec: ${name}.id is missing; the erratum no longer applies`);
    properties['id'] = { ...properties['id'], type: 'string' };
  }
  return definitions;
}

let ajv: Ajv | undefined;
const validators = new Map<Tmf642Definition, ValidateFunction>();

/**
 * A validator for one definition of the spec, compiled once. Swagger 2.0 definitions are JSON Schema
 * (draft 4 subset), so they are added as one schema document whose `#/definitions/…` references resolve
 * inside it; additional properties stay allowed, as the spec allows them.
 */
export function tmf642Validator(definition: Tmf642Definition): ValidateFunction {
  const known = validators.get(definition);
  if (known) return known;
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv, ['date-time', 'uri']);
    ajv.addSchema({ $id: SCHEMA_ID, definitions: definitionsWithErrata() });
  }
  const validate = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${definition}` });
  validators.set(definition, validate);
  return validate;
}

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
    default:
      return { field: fieldOf(error.instancePath), code: 'invalid', params: { rule: error.keyword } };
  }
}

/** The body's problems against a definition of the spec (empty when it conforms). */
export function tmf642Problems(definition: Tmf642Definition, body: unknown): FieldProblem[] {
  if (body === undefined) return [{ field: 'body', code: 'required' }];
  const validate = tmf642Validator(definition);
  if (validate(body)) return [];
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = problemOf(error);
    const key = `${problem.field}|${problem.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}
