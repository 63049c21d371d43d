import { ApplicationError } from '@netduty/platform-errors';

/**
 * A body naming another NMS than the one its API key belongs to (403): an NMS speaks only for itself,
 * whatever it writes in sourceSystemId.
 */
export class SourceSystemMismatchError extends ApplicationError {
  readonly code = 'forbidden';
  constructor(readonly field: string) {
    super(`${field} must be the sourceSystemId of the NMS whose API key is sent`);
  }
}

/** An alarm of the caller's operator that another NMS raised: it may read it, not change it (403). */
export class NotAlarmOwnerError extends ApplicationError {
  readonly code = 'forbidden';
  constructor() {
    super('only the NMS that raised an alarm may change it');
  }
}
