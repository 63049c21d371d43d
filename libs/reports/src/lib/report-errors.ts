import { ApplicationError } from '@netduty/platform-errors';

/** A sign-off by someone who is not the lead of the department on-duty group's current shift (403 not_shift_lead). */
export class NotShiftLeadError extends ApplicationError {
  readonly code = 'not_shift_lead';
  constructor(readonly leadIds: readonly string[]) {
    super(leadIds.length === 0 ? 'nobody leads the on-duty group now, so nobody can sign off' : "only the lead of the on-duty group's current shift may sign off");
  }
}
