import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../hooks/use-session';
import { FullPageSpinner } from './full-page-spinner';

// Rare (first login in production): its form is not part of the console's first load.
const ForcedPasswordChange = lazy(() => import('./forced-password-change').then((module) => ({ default: module.ForcedPasswordChange })));

/**
 * The gate of every page but /login: waits for the silent restore, sends the anonymous to the login
 * page (remembering where they were going), and holds users who must change their password.
 */
export function RequireSession() {
  const snapshot = useSession();
  const location = useLocation();

  if (snapshot.status === 'restoring') return <FullPageSpinner />;
  if (snapshot.status === 'anonymous' || !snapshot.user) {
    const here = `${location.pathname}${location.search}`;
    const remember = snapshot.endReason !== 'logged_out' && here !== '/';
    return <Navigate to={remember ? `/login?next=${encodeURIComponent(here)}` : '/login'} replace />;
  }
  if (snapshot.user.mustChangePassword) {
    return (
      <Suspense fallback={<FullPageSpinner />}>
        <ForcedPasswordChange user={snapshot.user} />
      </Suspense>
    );
  }
  return <Outlet />;
}
