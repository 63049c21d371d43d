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
}

/** The worker and the seeder act as the system, which sees everything. */
export const SYSTEM_SCOPE: IncidentScope = { kind: 'all' };
