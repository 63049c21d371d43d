import type { ApiErrorCode, FieldProblem, IncidentAction, IncidentStatus } from '@netduty/contracts';

export type { FieldProblem };

/** Errors a use case raises on purpose. The api maps each to a stable JSON error; anything else is a 500. */
export abstract class ApplicationError extends Error {
  abstract readonly code: ApiErrorCode;
}

export class NotFoundError extends ApplicationError {
  readonly code = 'not_found';
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} does not exist`);
  }
}

/** Input that passed shape validation but is wrong against the data (an unknown site, a foreign responder). */
export class InvalidInputError extends ApplicationError {
  readonly code = 'validation_failed';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.code}${problem.params ? ` ${JSON.stringify(problem.params)}` : ''}`).join(' | '));
  }
}

export class InvalidTransitionError extends ApplicationError {
  readonly code = 'invalid_transition';
  constructor(
    readonly currentStatus: IncidentStatus,
    readonly attempted: IncidentAction | 'comment',
    readonly allowedActions: IncidentAction[],
  ) {
    super(
      `cannot ${attempted} an incident that is ${currentStatus}; allowed: ${allowedActions.length ? allowedActions.join(', ') : 'none'}`,
    );
  }
}

/** A second record with a value that must be unique (a username, a site code, a cluster's name). */
export class AlreadyExistsError extends ApplicationError {
  readonly code = 'already_exists';
  constructor(readonly field: string, readonly problem = 'is already used by another record') {
    super(`${field}: ${problem}`);
  }
}

/** An Idempotency-Key its caller already used for a request with a different body (as payment APIs answer). */
export class IdempotencyKeyReusedError extends ApplicationError {
  readonly code = 'idempotency_key_reused';
  constructor() {
    super('this Idempotency-Key was already used with a different request body');
  }
}

/** The request is well-formed but the record's state refuses it (409), with a machine-readable reason. */
export class ConflictError extends ApplicationError {
  readonly code = 'conflict';
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

/**
 * Well-formed input that NetDuty's own rules or data refuse (422), each problem naming its field: an
 * alarm on a site that is not the caller's, an alarm without the externalAlarmId idempotency needs.
 */
export class UnprocessableInputError extends ApplicationError {
  readonly code = 'unprocessable_input';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.code}${problem.params ? ` ${JSON.stringify(problem.params)}` : ''}`).join(' | '));
  }
}

/** Refused for now, not for ever (429): the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class RetryLaterError extends ApplicationError {
  readonly code = 'too_many_requests';
  constructor(
    readonly retryAfterSeconds: number,
    reason: string,
  ) {
    super(reason);
  }
}
