import type { Permission, Role } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';

/** The authenticated caller of a use case: who they are and what they may see. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** The call-back phone of the person acting (a report records it); absent for the system. */
  phone?: string | null;
  role: Role;
  permissions: Permission[];
  scope: IncidentScope;
  sessionId: string;
  /**
   * A system acting through the use cases rather than a person (a ticketing system over TMF621): its
   * userId is a stable identifier of its own (it owns its idempotency keys), not an account's, so it
   * is never recorded as the reporting account.
   */
  system?: boolean;
}

/** The worker and the seeder act as the system, which sees everything. */
export const SYSTEM_SCOPE: IncidentScope = { kind: 'all' };
