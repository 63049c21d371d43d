import type { Permission } from '@netduty/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { usePermissions } from '../hooks/use-session';
import { hasAnyPermission, homePath } from '../lib/access';
import { FullPageSpinner } from './full-page-spinner';

// antd's Result carries its illustrations (about 30 kB): loaded only when a page is refused.
const ForbiddenResult = lazy(() => import('./forbidden-result').then((module) => ({ default: module.ForbiddenResult })));

export function ForbiddenPage() {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <ForbiddenResult />
    </Suspense>
  );
}

interface RequirePermissionProps {
  /** Any one of these opens the page. */
  anyOf: readonly Permission[];
  /** Send users without access to their own home page instead of showing "forbidden" (the board at "/"). */
  redirectHome?: boolean;
  children: ReactNode;
}

/** Hides a page the user's role cannot use; the api refuses its requests anyway. */
export function RequirePermission({ anyOf, redirectHome = false, children }: RequirePermissionProps) {
  const permissions = usePermissions();
  if (hasAnyPermission(permissions, anyOf)) return children;
  const home = homePath(permissions);
  if (redirectHome && home && !home.startsWith('/?') && home !== '/') return <Navigate to={home} replace />;
  return <ForbiddenPage />;
}
