import type { IncidentDto } from '@netduty/contracts';
import { Alert, Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useIncidentCounts, useIncidentPages } from '../../incidents/hooks/use-incident-queries';
import { useBoardFilters } from '../hooks/use-board-filters';
import { toListQuery } from '../lib/board-filters';
import { BoardCounters } from './board-counters';
import { BoardFiltersBar } from './board-filters-bar';
import { IncidentTable } from './incident-table';

const NO_INCIDENTS: IncidentDto[] = [];
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The on-duty board: the server pages it in the urgency order and filters and searches it; the table
 * fetches the next page as it nears the end. The incident detail opens over it as a nested route.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id: selectedId } = useParams();
  const [filters, setFilters] = useBoardFilters();
  const text = useDebouncedValue(filters.text, SEARCH_DEBOUNCE_MS);
  const listQuery = useMemo(() => toListQuery({ ...filters, text }), [filters, text]);
  const list = useIncidentPages(listQuery);
  const counts = useIncidentCounts();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? NO_INCIDENTS, [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const openIncident = useCallback(
    (incident: IncidentDto) => void navigate({ pathname: `/incidents/${incident.id}`, search: location.search }),
    [navigate, location.search],
  );

  return (
    <div className="board-page">
      <div className="board-toolbar">
        <BoardCounters counts={counts.data} />
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
      <IncidentTable
        incidents={items}
        loading={list.isLoading}
        loadingMore={isFetchingNextPage}
        onEndReached={loadMore}
        onOpen={openIncident}
        selectedId={selectedId}
      />
      <Outlet />
    </div>
  );
}
