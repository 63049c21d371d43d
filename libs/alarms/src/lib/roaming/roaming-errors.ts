import type { RoamingRequestRefusal } from '@netduty/contracts';
import { ConflictError } from '@netduty/platform-errors';

/** A step on a roaming request refused (409): the request is over (ended, dismissed), or past that step. */
export class RoamingRequestRefusedError extends ConflictError {
  constructor(reason: RoamingRequestRefusal, message: string) {
    super(reason, message);
  }
}
