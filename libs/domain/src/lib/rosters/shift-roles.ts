import type { Role } from '@netduty/contracts';

/**
 * Who may stand a shift, and so be put on one by an override or a swap: the department's officers,
 * leadership and the clusters' staff. Responders are dispatched to incidents and admins keep the
 * system; neither is on a rota.
 */
const SHIFT_ROLES: readonly Role[] = ['duty_officer', 'leadership', 'cluster_staff'];

export function mayStandShift(role: Role): boolean {
  return SHIFT_ROLES.includes(role);
}
