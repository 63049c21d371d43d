import type { Permission, UserDto } from '@netduty/contracts';
import { useSyncExternalStore } from 'react';
import { session } from '../../../lib/session/session';
import type { SessionSnapshot } from '../../../lib/session/session-manager';
import { hasAnyPermission, hasPermission } from '../lib/access';

const NO_PERMISSIONS: readonly Permission[] = [];

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** The logged-in user; null outside the authenticated part of the console. */
export function useCurrentUser(): UserDto | null {
  return useSession().user;
}

/** What the logged-in user may do, as the server resolved it for their role. */
export function usePermissions(): readonly Permission[] {
  return useSession().user?.permissions ?? NO_PERMISSIONS;
}

export function useCan(permission: Permission): boolean {
  return hasPermission(usePermissions(), permission);
}

export function useCanAny(permissions: readonly Permission[]): boolean {
  return hasAnyPermission(usePermissions(), permissions);
}
