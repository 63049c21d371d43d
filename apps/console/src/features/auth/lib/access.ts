import type { IncidentAction, Permission, UserDto } from '@netduty/contracts';
import { INCIDENT_ACTIONS } from '@netduty/contracts';

/** The permission each incident action needs (the api checks the same). */
export const ACTION_PERMISSION: Readonly<Record<IncidentAction, Permission>> = {
  acknowledge: 'incident.acknowledge',
  assign: 'incident.assign',
  resolve: 'incident.resolve',
  close: 'incident.close',
  reopen: 'incident.reopen',
};

export type PermissionSet = readonly Permission[];

export function hasPermission(permissions: PermissionSet, permission: Permission): boolean {
  return permissions.includes(permission);
}

export function hasAnyPermission(permissions: PermissionSet, wanted: readonly Permission[]): boolean {
  return wanted.some((permission) => permissions.includes(permission));
}

/**
 * The action buttons to show: what the state machine allows right now AND what the user may do,
 * in the usual order. The api still enforces both; this only avoids offering what would be refused.
 */
export function visibleIncidentActions(allowedActions: readonly IncidentAction[], permissions: PermissionSet): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((action) => allowedActions.includes(action) && permissions.includes(ACTION_PERMISSION[action]));
}

export function canComment(permissions: PermissionSet): boolean {
  return permissions.includes('incident.comment');
}

export type NavKey = 'board' | 'dashboard' | 'map' | 'generators' | 'reports' | 'history' | 'rosters' | 'report' | 'admin' | 'audit';

/** Each area of the console and the permissions that open it (any one of them). */
export const AREA_PERMISSIONS: Readonly<Record<NavKey, readonly Permission[]>> = {
  board: ['incident.read'],
  dashboard: ['analytics.read'],
  map: ['analytics.read'],
  // The operations room's view (duty officers, leadership); dispatching from it needs incident.assign.
  generators: ['analytics.read'],
  reports: ['situation_report.read'],
  report: ['incident.report'],
  admin: ['user.manage', 'inventory.manage', 'organisation.manage'],
  audit: ['audit.read'],
  history: ['incident.read'],
  rosters: ['organisation.read'],
};

export const AREA_PATHS: Readonly<Record<NavKey, string>> = {
  board: '/',
  dashboard: '/dashboard',
  map: '/map',
  generators: '/generators',
  reports: '/reports',
  report: '/report',
  admin: '/admin',
  audit: '/audit',
  history: '/history',
  rosters: '/rosters',
};

const NAV_ORDER: readonly NavKey[] = ['board', 'dashboard', 'map', 'generators', 'reports', 'history', 'rosters', 'report', 'admin', 'audit'];

export function visibleAreas(permissions: PermissionSet): NavKey[] {
  return NAV_ORDER.filter((key) => hasAnyPermission(permissions, AREA_PERMISSIONS[key]));
}

/** Where a user lands: the board for those who read incidents, otherwise their first area. */
export function homePath(permissions: PermissionSet): string | null {
  const [first] = visibleAreas(permissions).filter((key) => key !== 'report');
  return first ? AREA_PATHS[first] : null;
}

export type AdminTab = 'users' | 'operators' | 'clusters' | 'responders';

export function adminTabs(permissions: PermissionSet): AdminTab[] {
  const tabs: AdminTab[] = [];
  if (permissions.includes('user.manage')) tabs.push('users');
  if (permissions.includes('inventory.manage')) tabs.push('operators');
  if (permissions.includes('organisation.manage')) tabs.push('clusters', 'responders');
  return tabs;
}

/**
 * The route to return to after login, from the `next` query parameter: only a path on this console
 * ("/…", not "//host" or "/\host", which browsers treat as another site), never the login page itself.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return null;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return null;
  return next;
}

/** "Cán bộ cụm kỹ thuật · Viettel": the role, and the operator of cluster staff. */
export function userScopeLabel(user: Pick<UserDto, 'role' | 'operatorCode'>, roleLabel: string, operatorName?: string): string {
  return user.role === 'cluster_staff' && user.operatorCode ? `${roleLabel} · ${operatorName ?? user.operatorCode}` : roleLabel;
}
