import { permissionsOf } from '@netduty/domain';
import { consoleAdminTabs } from './console-admin-tabs';

describe('admin tabs', () => {
  it('gives the administrator every tab, policies and event periods last', () => {
    expect(consoleAdminTabs(permissionsOf('admin'))).toEqual(['users', 'operators', 'clusters', 'responders', 'sites', 'sla', 'escalation', 'events', 'gateways']);
  });

  it('gives no policy tab to a role that only reads them', () => {
    expect(consoleAdminTabs(permissionsOf('duty_officer'))).toEqual([]);
    expect(consoleAdminTabs(['sla.read', 'inventory.manage'])).toEqual(['operators', 'sites']);
  });
});
