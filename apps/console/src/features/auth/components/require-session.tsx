import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../hooks/use-session';
import { ForcedPasswordChange } from './forced-password-change';
import { FullPageSpinner } from './full-page-spinner';

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
  if (snapshot.user.mustChangePassword) return <ForcedPasswordChange user={snapshot.user} />;
  return <Outlet />;
}
