import type { IncidentAction, Permission, Role } from '@netduty/contracts';
import { INCIDENT_ACTIONS } from '@netduty/contracts';
import { permissionsOf } from '@netduty/domain';
import { adminTabs, canComment, homePath, safeNextPath, userScopeLabel, visibleAreas, visibleIncidentActions } from './access';

const ALL_ACTIONS: IncidentAction[] = [...INCIDENT_ACTIONS];
const as = (role: Role): Permission[] => permissionsOf(role);

describe('visibleIncidentActions', () => {
  it('shows an action only when the state machine allows it and the user may do it', () => {
    expect(visibleIncidentActions(['acknowledge', 'assign'], ['incident.read', 'incident.acknowledge'])).toEqual(['acknowledge']);
    expect(visibleIncidentActions(['assign'], ['incident.acknowledge', 'incident.assign', 'incident.close'])).toEqual(['assign']);
    expect(visibleIncidentActions([], as('duty_officer'))).toEqual([]);
  });

  it('keeps the usual order whatever order the api lists them in', () => {
    expect(visibleIncidentActions(['reopen', 'close'], as('duty_officer'))).toEqual(['close', 'reopen']);
  });

  it('gives each role its buttons', () => {
    expect(visibleIncidentActions(ALL_ACTIONS, as('duty_officer'))).toEqual(ALL_ACTIONS);
    // Cluster staff receive, dispatch and resolve within their operator, but neither close nor reopen.
    expect(visibleIncidentActions(ALL_ACTIONS, as('cluster_staff'))).toEqual(['acknowledge', 'assign', 'resolve']);
    expect(visibleIncidentActions(ALL_ACTIONS, as('responder'))).toEqual(['acknowledge', 'resolve']);
    expect(visibleIncidentActions(ALL_ACTIONS, as('leadership'))).toEqual([]);
    expect(visibleIncidentActions(ALL_ACTIONS, as('admin'))).toEqual([]);
  });
});

describe('canComment', () => {
  it('needs incident.comment', () => {
    expect(canComment(as('responder'))).toBe(true);
    expect(canComment(as('leadership'))).toBe(false);
  });
});

describe('visibleAreas and homePath', () => {
  it('opens the areas each role may use', () => {
    expect(visibleAreas(as('duty_officer'))).toEqual(['board', 'dashboard', 'map', 'generators', 'reports', 'history', 'rosters', 'report']);
    expect(visibleAreas(as('cluster_staff'))).toEqual(['board', 'history', 'rosters', 'report']);
    expect(visibleAreas(as('responder'))).toEqual(['board', 'history', 'rosters']);
    expect(visibleAreas(as('leadership'))).toEqual(['board', 'dashboard', 'map', 'generators', 'reports', 'history', 'rosters', 'audit']);
    expect(visibleAreas(as('admin'))).toEqual(['board', 'dashboard', 'map', 'generators', 'reports', 'history', 'rosters', 'admin', 'audit']);
  });

  it('lands incident readers on the board, others on their first area', () => {
    expect(homePath(as('duty_officer'))).toBe('/');
    expect(homePath(as('leadership'))).toBe('/');
    expect(homePath(as('admin'))).toBe('/');
    expect(homePath(['user.manage', 'audit.read'])).toBe('/admin');
    expect(homePath(['audit.read'])).toBe('/audit');
    expect(homePath(['incident.report'])).toBeNull();
    expect(homePath([])).toBeNull();
  });

  it('opens the admin tabs by permission', () => {
    expect(adminTabs(as('admin'))).toEqual(['users', 'operators', 'clusters', 'responders']);
    expect(adminTabs(['user.manage'])).toEqual(['users']);
    expect(adminTabs(['inventory.manage'])).toEqual(['operators']);
    expect(adminTabs(['organisation.manage'])).toEqual(['clusters', 'responders']);
    expect(adminTabs(as('duty_officer'))).toEqual([]);
  });
});

describe('safeNextPath', () => {
  it('returns to a path of this console', () => {
    expect(safeNextPath('/incidents/42?severity=critical')).toBe('/incidents/42?severity=critical');
    expect(safeNextPath('/admin')).toBe('/admin');
  });

  it('refuses other sites, odd input and the login page itself', () => {
    for (const next of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'admin', '/login', '/login?next=/', '/a\nb']) {
      expect(safeNextPath(next)).toBeNull();
    }
  });
});

describe('userScopeLabel', () => {
  it('adds the operator for cluster staff only', () => {
    expect(userScopeLabel({ role: 'cluster_staff', operatorCode: 'viettel' }, 'Cán bộ cụm kỹ thuật', 'Viettel')).toBe('Cán bộ cụm kỹ thuật · Viettel');
    expect(userScopeLabel({ role: 'cluster_staff', operatorCode: 'vnpt' }, 'Cluster staff')).toBe('Cluster staff · vnpt');
    expect(userScopeLabel({ role: 'duty_officer', operatorCode: null }, 'Cán bộ trực')).toBe('Cán bộ trực');
  });
});
