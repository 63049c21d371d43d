import type { ValidateFunction } from 'ajv';
import type { FieldProblem } from '@netduty/contracts';
import { tmfSpecValidator } from '../tmf/tmf-spec-validator';
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

/**
 * One erratum of the published v4.0.0 document: `Alarm.id` and `AlarmRefOrValue.id` are typed integer
 * there, while TMF630 makes every resource id a string and the spec's own AlarmRef.id is one. NetDuty's
 * alarm ids are UUIDs, so both are read as strings; nothing else of the document is changed.
 */
const STRING_ID_ERRATA = ['Alarm', 'AlarmRefOrValue'] as const;

const tmf642 = tmfSpecValidator<Tmf642Definition>(publishedSpec, 'https://netduty.local/schemas/tmf642-alarm-v4.0.0.json', (definitions) => {
  for (const name of STRING_ID_ERRATA) {
    const properties = definitions[name]?.['properties'] as Record<string, Record<string, unknown>> | undefined;
    if (!properties?.['id']) throw new Error(`TMF642 spec: ${name}.id is missing; the erratum no longer applies`);
    properties['id'] = { ...properties['id'], type: 'string' };
  }
});

/** A validator for one definition of the spec, compiled once. */
export function tmf642Validator(definition: Tmf642Definition): ValidateFunction {
  return tmf642.validator(definition);
}

/** The body's problems against a definition of the spec (empty when it conforms). */
export function tmf642Problems(definition: Tmf642Definition, body: unknown): FieldProblem[] {
  return tmf642.problems(definition, body);
}
