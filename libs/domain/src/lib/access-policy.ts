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
];

/**
 * Who may do what. The on-duty group works every incident; cluster staff report, receive (acknowledge)
 * and dispatch within their operator; responders work what is assigned to them; leadership reads everything; admins keep
 * the reference data, the users and the policies.
 */
const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['incident.read', 'catalogue.read', 'sla.read', 'sla.write', 'reference.manage', 'user.manage', 'audit.read'],
  duty_officer: [...INCIDENT_WORK, 'catalogue.read', 'sla.read'],
  cluster_staff: ['incident.read', 'incident.report', 'incident.acknowledge', 'incident.assign', 'incident.comment', 'incident.resolve', 'catalogue.read', 'sla.read'],
  responder: ['incident.read', 'incident.acknowledge', 'incident.comment', 'incident.resolve', 'catalogue.read'],
  leadership: ['incident.read', 'catalogue.read', 'sla.read', 'audit.read'],
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

export const PASSWORD_MIN_LENGTH = 12;

/** The password policy: long enough, not all one kind of character, not the username. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > 256) problems.push('must be at most 256 characters');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) problems.push('must mix at least three of: lower case, upper case, digits, symbols');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain the username');
  return problems;
}
