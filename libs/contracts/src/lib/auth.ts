import type { IsoInstant } from './dto';
import type { OperatorCode } from './enums';

export const ROLES = ['admin', 'duty_officer', 'cluster_staff', 'responder', 'leadership'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Everything a role may be allowed to do. Routes and socket events each declare one. */
export const PERMISSIONS = [
  'incident.read',
  'incident.report',
  'incident.acknowledge',
  'incident.assign',
  'incident.comment',
  'incident.resolve',
  'incident.close',
  'incident.reopen',
  'incident.escalate',
  'inventory.read',
  'organisation.read',
  /** One-off changes to a roster on the night: cover a shift (override), swap a person, undo either. */
  'roster.adjust',
  'sla.read',
  'sla.write',
  'inventory.manage',
  'organisation.manage',
  'user.manage',
  'audit.read',
  'notification.manage',
  /** The network-safety dashboard, the province map and their REST figures (read-only). */
  'analytics.read',
  /** Situation, flash and cyber-incident reports: read and download. */
  'situation_report.read',
  /** Generate a report on demand, write the duty officer's remarks. */
  'situation_report.write',
  /** Sign a report off (the api also requires the caller to lead the department's shift). */
  'situation_report.sign_off',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  language: Language;
  role: Role;
  /** Cluster staff: the operator they belong to (required); others: null. */
  operatorCode: OperatorCode | null;
  /** Cluster staff: optionally narrowed to one cluster's communes. */
  clusterId: string | null;
  /** Responders: the responder record whose assignments they see. */
  responderId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: IsoInstant;
  lastLoginAt: IsoInstant | null;
  /** What this user may do, resolved from the role (the console hides what is missing). */
  permissions: Permission[];
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface SessionDto {
  accessToken: string;
  accessTokenExpiresAt: IsoInstant;
  user: UserDto;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  phone?: string;
  email?: string;
  language?: Language;
  operatorCode?: OperatorCode;
  clusterId?: string;
  responderId?: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  language?: Language;
  role?: Role;
  operatorCode?: OperatorCode | null;
  clusterId?: string | null;
  responderId?: string | null;
  active?: boolean;
}

export interface ResetPasswordRequest {
  newPassword: string;
}

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntryDto {
  id: string;
  at: IsoInstant;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: Role | null;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
  path: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  statusCode: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: AuditOutcome;
  from?: IsoInstant;
  to?: IsoInstant;
  page?: number;
  pageSize?: number;
}

export const REFRESH_COOKIE = 'nd_refresh';
