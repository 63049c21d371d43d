import type { IncidentDto } from '@netduty/contracts';
import { Alert, Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useIncidentList } from '../../incidents/hooks/use-incident-queries';
import { useBoardFilters } from '../hooks/use-board-filters';
import { toListQuery } from '../lib/board-filters';
import { incidentHaystack, quickFind } from '../lib/quick-find';
import { sortByUrgency } from '../lib/sort-by-urgency';
import { BoardCounters } from './board-counters';
import { BoardFiltersBar } from './board-filters-bar';
import { IncidentTable } from './incident-table';

const NO_INCIDENTS: IncidentDto[] = [];

/** The on-duty board; the incident detail opens over it as a nested route (/incidents/:id). */
export function BoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id: selectedId } = useParams();
  const [filters, setFilters] = useBoardFilters();
  const listQuery = useMemo(() => toListQuery(filters), [filters]);
  const list = useIncidentList(listQuery);
  const items = list.data?.items ?? NO_INCIDENTS;

  const haystacks = useMemo(() => new Map(items.map((incident) => [incident.id, incidentHaystack(incident)])), [items]);
  const shown = useMemo(() => quickFind(items, haystacks, filters.text), [items, haystacks, filters.text]);
  const sorted = useMemo(() => sortByUrgency(shown), [shown]);

  const openIncident = useCallback(
    (incident: IncidentDto) => void navigate({ pathname: `/incidents/${incident.id}`, search: location.search }),
    [navigate, location.search],
  );

  return (
    <div className="board-page">
      <div className="board-toolbar">
        <BoardCounters incidents={sorted} />
        <BoardFiltersBar filters={filters} onChange={setFilters} />
      </div>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={t('board.loadFailed')}
          description={list.error.message}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('board.retry')}
            </Button>
          }
        />
      )}
      {list.data && list.data.total > list.data.items.length && (
        <div className="board-note">{t('board.shown', { shown: list.data.items.length, total: list.data.total })}</div>
      )}
      <IncidentTable incidents={sorted} loading={list.isLoading} onOpen={openIncident} selectedId={selectedId} />
      <Outlet />
    </div>
  );
}
