import type { Permission } from '@netduty/contracts';
import { adminTabs, type AdminTab } from '../../auth/lib/access';

/** The admin area's tabs: accounts and organisation (adminTabs), then sites, SLA, escalation chains and event periods. */
export type ConsoleAdminTab = AdminTab | 'sites' | 'sla' | 'escalation' | 'events' | 'gateways';

export function consoleAdminTabs(permissions: readonly Permission[]): ConsoleAdminTab[] {
  const tabs: ConsoleAdminTab[] = adminTabs(permissions);
  if (permissions.includes('inventory.manage')) tabs.push('sites');
  if (permissions.includes('sla.write')) tabs.push('sla', 'escalation', 'events');
  if (permissions.includes('notification.manage')) tabs.push('gateways');
  return tabs;
}
