import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/login-page';
import { FullPageSpinner } from '../features/auth/components/full-page-spinner';
import { RequirePermission } from '../features/auth/components/require-permission';
import { RequireSession } from '../features/auth/components/require-session';
import { AREA_PERMISSIONS } from '../features/auth/lib/access';
import { BoardPage } from '../features/board/components/board-page';
import { IncidentDetailDrawer } from '../features/incidents/components/incident-detail-drawer';
import { ReportPage } from '../features/report/components/report-page';
import { AppShell } from './app-shell';
import { LiveUpdates } from './live-updates';
import { NotFoundPage } from './not-found-page';

// Administration and the audit trail serve a handful of users: loaded only when opened.
const AdminPage = lazy(() => import('../features/admin/components/admin-page').then((module) => ({ default: module.AdminPage })));
const AuditPage = lazy(() => import('../features/audit/components/audit-page').then((module) => ({ default: module.AuditPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    // Everything else needs a session (and a password that does not have to be changed first).
    element: <RequireSession />,
    children: [
      {
        element: (
          <LiveUpdates>
            <AppShell />
          </LiveUpdates>
        ),
        children: [
          {
            path: '/',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.board} redirectHome>
                <BoardPage />
              </RequirePermission>
            ),
            // The detail opens over the board so the officer keeps the board's context (and filters).
            children: [{ path: 'incidents/:id', element: <IncidentDetailDrawer /> }],
          },
          {
            path: '/report',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.report}>
                <ReportPage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.admin}>
                <Deferred>
                  <AdminPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/audit',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.audit}>
                <Deferred>
                  <AuditPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
