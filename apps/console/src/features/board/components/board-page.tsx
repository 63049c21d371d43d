import type { IncidentDto } from '@netduty/contracts';
import { Alert, Button } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useIncidentCounts, useIncidentPages } from '../../incidents/hooks/use-incident-queries';
import { useBoardFilters } from '../hooks/use-board-filters';
import { isP0Only, toListQuery, withP0Only } from '../lib/board-filters';
import { BoardCounters } from './board-counters';
import { BoardFiltersBar } from './board-filters-bar';
import { IncidentTable, type BoardSelection } from './incident-table';
import { useAlertSnapshot } from '../../alerts/hooks/alerts-context';
import { useCan } from '../../auth/hooks/use-session';
import type { BulkTarget } from '../lib/bulk-acknowledge';

// Loaded when a first row is selected.
const BulkActionsBar = lazy(() => import('./bulk-actions-bar').then((module) => ({ default: module.BulkActionsBar })));

const canAcknowledge = (incident: IncidentDto) => incident.allowedActions.includes('acknowledge');

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

  const { alertingIncidentIds } = useAlertSnapshot();
  const mayAcknowledge = useCan('incident.acknowledge');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  // What a bulk action would act on: selected rows still loaded and still in a state that allows it
  // (a row acknowledged meanwhile from another console drops out by itself).
  const targets = useMemo<BulkTarget[]>(
    () => items.filter((incident) => selectedIds.has(incident.id) && canAcknowledge(incident)).map(({ id, reference }) => ({ id, reference })),
    [items, selectedIds],
  );
  const selection = useMemo<BoardSelection | undefined>(() => {
    if (!mayAcknowledge) return undefined;
    const selectable = items.filter(canAcknowledge);
    const allSelected = selectable.length > 0 && selectable.every((incident) => selectedIds.has(incident.id));
    return {
      selectedIds,
      canSelect: canAcknowledge,
      allSelected,
      onToggle: (incident) =>
        setSelectedIds((current) => {
          const next = new Set(current);
          if (next.has(incident.id)) next.delete(incident.id);
          else next.add(incident.id);
          return next;
        }),
      onToggleAll: () => setSelectedIds(allSelected ? new Set() : new Set(selectable.map((incident) => incident.id))),
    };
  }, [mayAcknowledge, items, selectedIds]);
  const unselect = useCallback(
    (ids: string[]) =>
      setSelectedIds((current) => {
        const next = new Set(current);
        for (const id of ids) next.delete(id);
        return next;
      }),
    [],
  );

  const openIncident = useCallback(
    (incident: IncidentDto) => void navigate({ pathname: `/incidents/${incident.id}`, search: location.search }),
    [navigate, location.search],
  );

  return (
    <div className="board-page">
      <div className="board-toolbar">
        <BoardCounters counts={counts.data} p0Only={isP0Only(filters)} onP0OnlyChange={(on) => setFilters(withP0Only(filters, on))} />
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
      {targets.length > 0 && (
        <Suspense fallback={null}>
          <BulkActionsBar targets={targets} onAcknowledged={unselect} onClear={() => setSelectedIds(new Set())} />
        </Suspense>
      )}
      <IncidentTable
        incidents={items}
        alertingIds={alertingIncidentIds}
        selection={selection}
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
