import { ApplicationError } from '@netduty/platform-errors';

/** Wrong credentials, an expired or revoked token: the caller is not (or no longer) anyone. */
export class NotAuthenticatedError extends ApplicationError {
  readonly code = 'not_authenticated';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Too many failed logins for this account; holds across api instances (Redis). */
export class AccountLockedError extends ApplicationError {
  readonly code = 'account_locked';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed logins; try again in ${retryAfterSeconds} s`);
  }
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends ApplicationError {
  readonly code = 'forbidden';
  constructor(readonly permission: string) {
    super(`your role does not allow ${permission}`);
  }
}

export class PasswordChangeRequiredError extends ApplicationError {
  readonly code = 'password_change_required';
  constructor() {
    super('change your password before continuing');
  }
}
