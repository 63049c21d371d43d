import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpinner } from '../features/auth/components/full-page-spinner';
import { RequirePermission } from '../features/auth/components/require-permission';
import { RequireSession } from '../features/auth/components/require-session';
import { AREA_PERMISSIONS } from '../features/auth/lib/access';
import { BoardPage } from '../features/board/components/board-page';
import { AppShell } from './app-shell';
import { LiveUpdates } from './live-updates';

// The board is what every duty console opens on, so it alone is in the first load; every other area
// (and the incident detail, with its timeline) is fetched when first opened. `bench/console-weight.mjs`
// prints the first-load figure.
const LoginPage = lazy(() => import('../features/auth/components/login-page').then((module) => ({ default: module.LoginPage })));
const IncidentDetailDrawer = lazy(() =>
  import('../features/incidents/components/incident-detail-drawer').then((module) => ({ default: module.IncidentDetailDrawer })),
);
const ReportPage = lazy(() => import('../features/report/components/report-page').then((module) => ({ default: module.ReportPage })));
const AdminPage = lazy(() => import('../features/admin/components/admin-page').then((module) => ({ default: module.AdminPage })));
const AuditPage = lazy(() => import('../features/audit/components/audit-page').then((module) => ({ default: module.AuditPage })));
const RostersPage = lazy(() => import('../features/rosters/components/rosters-page').then((module) => ({ default: module.RostersPage })));
const HistoryPage = lazy(() => import('../features/history/components/history-page').then((module) => ({ default: module.HistoryPage })));
const DashboardPage = lazy(() => import('../features/dashboard/components/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const WallPage = lazy(() => import('../features/dashboard/components/wall-page').then((module) => ({ default: module.WallPage })));
const MapPage = lazy(() => import('../features/map/components/map-page').then((module) => ({ default: module.MapPage })));
const GeneratorsPage = lazy(() => import('../features/generators/components/generators-page').then((module) => ({ default: module.GeneratorsPage })));
const ReportsPage = lazy(() => import('../features/reports/components/reports-page').then((module) => ({ default: module.ReportsPage })));
const NotFoundPage = lazy(() => import('./not-found-page').then((module) => ({ default: module.NotFoundPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Deferred>
        <LoginPage />
      </Deferred>
    ),
  },
  {
    // Everything else needs a session (and a password that does not have to be changed first).
    element: <RequireSession />,
    children: [
      {
        // The operations room's big screen: full screen, no shell, its own batched live channel.
        path: '/wall',
        element: (
          <RequirePermission anyOf={AREA_PERMISSIONS.dashboard}>
            <Deferred>
              <WallPage />
            </Deferred>
          </RequirePermission>
        ),
      },
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
            children: [
              {
                path: 'incidents/:id',
                element: (
                  <Suspense fallback={null}>
                    <IncidentDetailDrawer />
                  </Suspense>
                ),
              },
            ],
          },
          {
            path: '/dashboard',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.dashboard}>
                <Deferred>
                  <DashboardPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/map',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.map}>
                <Deferred>
                  <MapPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/generators',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.generators}>
                <Deferred>
                  <GeneratorsPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/reports',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.reports}>
                <Deferred>
                  <ReportsPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/history',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.history}>
                <Deferred>
                  <HistoryPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/rosters',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.rosters}>
                <Deferred>
                  <RostersPage />
                </Deferred>
              </RequirePermission>
            ),
          },
          {
            path: '/report',
            element: (
              <RequirePermission anyOf={AREA_PERMISSIONS.report}>
                <Deferred>
                  <ReportPage />
                </Deferred>
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
          {
            path: '*',
            element: (
              <Deferred>
                <NotFoundPage />
              </Deferred>
            ),
          },
        ],
      },
    ],
  },
]);
