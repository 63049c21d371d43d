import { createBrowserRouter } from 'react-router-dom';
import { BoardPage } from '../features/board/components/board-page';
import { IncidentDetailDrawer } from '../features/incidents/components/incident-detail-drawer';
import { ReportPage } from '../features/report/components/report-page';
import { AppShell } from './app-shell';
import { LiveUpdates } from './live-updates';
import { NotFoundPage } from './not-found-page';

export const router = createBrowserRouter([
  {
    element: (
      <LiveUpdates>
        <AppShell />
      </LiveUpdates>
    ),
    children: [
      {
        path: '/',
        element: <BoardPage />,
        // The detail opens over the board so the officer keeps the board's context (and filters).
        children: [{ path: 'incidents/:id', element: <IncidentDetailDrawer /> }],
      },
      { path: '/report', element: <ReportPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
