import type { OperatorCode, Permission, Role } from '@netduty/contracts';
import { PERMISSIONS } from '@netduty/contracts';

const INCIDENT_WORK: Permission[] = [
  'incident.read',
  'incident.report',
  'incident.acknowledge',
  'incident.assign',
  'incident.comment',
  'incident.resolve',
  'incident.close',
  'incident.reopen',
  'incident.escalate',
];

/**
 * Who may do what. The on-duty group works every incident and adjusts rosters on the night (covers a
 * shift, swaps a person); cluster staff report, receive (acknowledge) and dispatch within their operator;
 * responders work what is assigned to them; leadership reads everything; admins keep the reference
 * data, the users, the policies and the rosters whole.
 */
const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['incident.read', 'inventory.read', 'organisation.read', 'roster.adjust', 'sla.read', 'sla.write', 'inventory.manage', 'organisation.manage', 'user.manage', 'audit.read', 'notification.manage', 'analytics.read', 'situation_report.read'],
  duty_officer: [
    ...INCIDENT_WORK,
    'inventory.read',
    'organisation.read',
    'roster.adjust',
    'sla.read',
    'analytics.read',
    'situation_report.read',
    'situation_report.write',
    'situation_report.sign_off',
  ],
  cluster_staff: ['incident.read', 'incident.report', 'incident.acknowledge', 'incident.assign', 'incident.comment', 'incident.resolve', 'inventory.read', 'organisation.read', 'sla.read'],
  responder: ['incident.read', 'incident.acknowledge', 'incident.comment', 'incident.resolve', 'inventory.read', 'organisation.read'],
  leadership: ['incident.read', 'inventory.read', 'organisation.read', 'sla.read', 'audit.read', 'analytics.read', 'situation_report.read'],
};

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => ROLE_PERMISSIONS[role].includes(permission));
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Which incidents (and events) a user may see. Enforced in every query and every socket room. */
export type IncidentScope =
  | { kind: 'all' }
  | { kind: 'operator'; operatorCode: OperatorCode; communeCodes: string[] | null }
  | { kind: 'responder'; responderId: string };

export interface ScopeSubject {
  role: Role;
  operatorCode: OperatorCode | null;
  responderId: string | null;
}

/** Cluster staff without an operator, or responders without a responder record, see nothing. */
export function scopeOf(user: ScopeSubject, clusterCommuneCodes: string[] | null): IncidentScope | null {
  switch (user.role) {
    case 'admin':
    case 'duty_officer':
    case 'leadership':
      return { kind: 'all' };
    case 'cluster_staff':
      return user.operatorCode ? { kind: 'operator', operatorCode: user.operatorCode, communeCodes: clusterCommuneCodes } : null;
    case 'responder':
      return user.responderId ? { kind: 'responder', responderId: user.responderId } : null;
  }
}

/**
 * Which scope fields each role takes, for the api (which refuses the others) and the console's user
 * form: cluster staff need an operator (and may be narrowed to one of its clusters), responders their
 * responder record; the other roles take none.
 */
export const ROLE_SCOPE_FIELDS: Readonly<Record<Role, { operator: boolean; responder: boolean }>> = {
  admin: { operator: false, responder: false },
  duty_officer: { operator: false, responder: false },
  leadership: { operator: false, responder: false },
  cluster_staff: { operator: true, responder: false },
  responder: { operator: false, responder: true },
};

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** Of lower case, upper case, digits and symbols, a password mixes at least this many kinds. */
export const PASSWORD_MIN_CHARACTER_KINDS = 3;

/** One broken rule of the password policy, as the wire carries it (a field problem without its field). */
export type PasswordProblem =
  | { code: 'too_short'; params: { min: number } }
  | { code: 'too_long'; params: { max: number } }
  | { code: 'too_few_character_kinds'; params: { min: number } }
  | { code: 'contains_username' }
  | { code: 'same_as_current' };

/**
 * The password policy, written once for the api (which enforces it) and the console (which checks as
 * the user types): long enough, not all one kind of character, not the username, and — when the
 * current password is given — not the same again.
 */
export function passwordProblems(password: string, username: string, currentPassword?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push({ code: 'too_short', params: { min: PASSWORD_MIN_LENGTH } });
  if (password.length > PASSWORD_MAX_LENGTH) problems.push({ code: 'too_long', params: { max: PASSWORD_MAX_LENGTH } });
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (kinds < PASSWORD_MIN_CHARACTER_KINDS) problems.push({ code: 'too_few_character_kinds', params: { min: PASSWORD_MIN_CHARACTER_KINDS } });
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push({ code: 'contains_username' });
  if (currentPassword !== undefined && currentPassword !== '' && password === currentPassword) problems.push({ code: 'same_as_current' });
  return problems;
}
