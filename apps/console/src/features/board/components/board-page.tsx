import type { IncidentDto } from '@netduty/contracts';
import { Alert, Button } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useIncidentChildren, useIncidentCounts, useIncidentPages } from '../../incidents/hooks/use-incident-queries';
import { useSiteBatteries } from '../hooks/use-site-battery';
import { useBoardFilters } from '../hooks/use-board-filters';
import { isP0Only, toListQuery, withP0Only } from '../lib/board-filters';
import { BoardCounters } from './board-counters';
import { BoardFiltersBar } from './board-filters-bar';
import { IncidentTable, type BoardGrouping, type BoardSelection, type LoadedChildren } from './incident-table';
import { useAlertSnapshot } from '../../alerts/hooks/alerts-context';
import { useCan } from '../../auth/hooks/use-session';
import type { BulkTarget } from '../lib/bulk-acknowledge';

// Loaded when a first row is selected.
const BulkActionsBar = lazy(() => import('./bulk-actions-bar').then((module) => ({ default: module.BulkActionsBar })));

const canAcknowledge = (incident: IncidentDto) => incident.allowedActions.includes('acknowledge');

const NO_INCIDENTS: IncidentDto[] = [];
const SEARCH_DEBOUNCE_MS = 250;
/** Parents whose children the board reads (for their count and to expand them); a storm has a few dozen at most. */
const MAX_PARENTS_READ = 50;

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
  // Grouped, a parent's children sit under it, not across the board; a search looks at every incident.
  const [grouped, setGrouped] = useState(true);
  const grouping = grouped && !text.trim();
  const listQuery = useMemo(() => ({ ...toListQuery({ ...filters, text }), ...(grouping ? { topLevel: true } : {}) }), [filters, text, grouping]);
  const list = useIncidentPages(listQuery);
  const counts = useIncidentCounts();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? NO_INCIDENTS, [list.data]);
  const batteries = useSiteBatteries(useCan('incident.read'));

  const [expandedIds, setExpandedIds] = useState<ReadonlySet<string>>(new Set());
  const parentIds = useMemo(
    () => (grouping ? items.filter((incident) => incident.correlation !== null).slice(0, MAX_PARENTS_READ).map((incident) => incident.id) : []),
    [grouping, items],
  );
  const childQueries = useIncidentChildren(parentIds);
  // Rebuilt each render: useQueries hands back a new array every time, and the map is small.
  const childrenOf = new Map<string, LoadedChildren>();
  parentIds.forEach((id, index) => {
    const data = childQueries[index]?.data;
    if (data) childrenOf.set(id, { items: data.items, more: data.nextCursor !== null });
  });
  // What the officer can see and select: the top-level rows and the children of the expanded parents.
  const visible = grouping ? [...items, ...[...expandedIds].flatMap((id) => childrenOf.get(id)?.items ?? [])] : items;
  const toggleExpanded = useCallback(
    (incident: IncidentDto) =>
      setExpandedIds((current) => {
        const next = new Set(current);
        if (next.has(incident.id)) next.delete(incident.id);
        else next.add(incident.id);
        return next;
      }),
    [],
  );
  const boardGrouping: BoardGrouping | undefined = grouping ? { childrenOf, expandedIds, onToggleExpanded: toggleExpanded } : undefined;
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
    () => visible.filter((incident) => selectedIds.has(incident.id) && canAcknowledge(incident)).map(({ id, reference }) => ({ id, reference })),
    [items, expandedIds, childQueries, selectedIds],
  );
  const selection = useMemo<BoardSelection | undefined>(() => {
    if (!mayAcknowledge) return undefined;
    const selectable = visible.filter(canAcknowledge);
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
  }, [mayAcknowledge, items, expandedIds, childQueries, selectedIds]);
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
        <label className="board-group-toggle" title={t('board.storm.groupedHint')}>
          <input type="checkbox" checked={grouped} onChange={(event) => setGrouped(event.target.checked)} data-testid="group-toggle" />
          {t('board.storm.grouped')}
        </label>
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
        grouping={boardGrouping}
        batteries={batteries}
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
