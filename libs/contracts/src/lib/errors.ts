/**
 * The error wire. Every error the api returns names one ApiErrorCode; a field's problem is a code with
 * parameters, never an English sentence, so the console words it in the user's language.
 */

/** Every `code` the api returns. Adding one is a compile error until the api and the console word it. */
export const API_ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'malformed_json',
  'malformed_body_encoding',
  'payload_too_large',
  'payload_too_deep',
  'unsupported_media_type',
  'not_found',
  'invalid_cursor',
  'invalid_transition',
  'already_exists',
  'idempotency_key_reused',
  'conflict',
  'too_many_requests',
  'not_authenticated',
  'forbidden',
  /** A sign-off by someone who is not the lead of the department on-duty group's current shift. */
  'not_shift_lead',
  'password_change_required',
  'account_locked',
  'internal_error',
  'service_unavailable',
  /** Well-formed, but against NetDuty's rules or data (422): an unknown site, a missing externalAlarmId. */
  'unprocessable_input',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What is wrong with one field. Parameters (in brackets) are carried in `params`. */
export const FIELD_PROBLEM_CODES = [
  'required',
  'unknown_field',
  'not_an_object',
  'not_a_string',
  'not_an_integer',
  'not_a_number',
  'not_a_boolean',
  'not_an_array',
  'not_a_uuid',
  'not_a_date',
  'not_an_email',
  'not_a_latitude',
  'not_a_longitude',
  /** {allowed: string[]} */
  'not_one_of',
  /** {min} */
  'too_short',
  /** {max} */
  'too_long',
  /** {min} */
  'too_small',
  /** {max} */
  'too_large',
  /** {min} */
  'too_few_items',
  /** {max} */
  'too_many_items',
  /** A pattern of the field's own (a code, a phone number, a header). */
  'invalid_format',
  'contains_nul',
  /** {max} nesting levels */
  'too_deep',
  /** Password policy, {min}: lower case, upper case, digits, symbols. */
  'too_few_character_kinds',
  'contains_username',
  'same_as_current',
  'not_current_password',
  /** Points at a record that does not exist (or that the caller cannot see). */
  'no_such_record',
  /** {role}: the field does not apply to this role. */
  'not_for_role',
  /** {role}: the role needs this field. */
  'required_for_role',
  /** The referenced record belongs to another operator. */
  'other_operator',
  /** {field}: must not be before that other field. */
  'before_other_field',
  /** {field}: must not be less than that other field. */
  'less_than_other_field',
  'already_used',
  /** Reused with a different request. */
  'reused',
  /** A value the server issued (a cursor) came back altered or stale. */
  'not_recognised',
  /** A constraint without a code of its own; {rule} names it. */
  'invalid',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

export type FieldProblemParams = Record<string, string | number | readonly string[]>;

export interface FieldProblem {
  /** Dotted path into the body, a query or path parameter, or a header name. */
  field: string;
  code: FieldProblemCode;
  params?: FieldProblemParams;
}

/** Every error the api returns has this shape. */
export interface ApiErrorBody {
  statusCode: number;
  code: ApiErrorCode;
  /** The code in words (Vietnamese or English by Accept-Language), for logs and clients without a console. */
  message: string;
  /** One entry per problem of a field (validation_failed, already_exists, …). */
  fields?: FieldProblem[];
  /** Extra details for specific codes (e.g. currentStatus and allowedActions for invalid_transition). */
  details?: Record<string, unknown>;
}

/**
 * The same error as TM Forum's APIs carry it (TMF630 `Error`), on the /tmf-api routes: `code` is still
 * an ApiErrorCode, `reason` its words, `status` the HTTP status as a string, and `problems` the field
 * problems (as `fields` elsewhere) so a network management system is told which attribute was wrong.
 */
export interface TmfErrorBody {
  code: ApiErrorCode;
  reason: string;
  message: string;
  status: string;
  '@type': 'Error';
  problems?: FieldProblem[];
}

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}
