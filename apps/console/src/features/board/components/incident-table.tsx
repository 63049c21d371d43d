import type { IncidentDto } from '@netduty/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineCountdown } from '../../incidents/components/deadline-countdown';
import { EscalationBadge } from '../../incidents/components/escalation-badge';
import { SeverityTag } from '../../incidents/components/severity-tag';
import { StatusTag } from '../../incidents/components/status-tag';
import type { SiteBattery } from '../hooks/use-site-battery';
import { BatteryBadge, ExpandChildrenButton, ParentSummary } from './storm-badges';

/** The open children of a parent as its row knows them: those loaded, and whether more exist. */
export interface LoadedChildren {
  items: IncidentDto[];
  more: boolean;
}

/** The mass-outage grouping of the board: which parents are open, their children, and the toggle. */
export interface BoardGrouping {
  childrenOf: ReadonlyMap<string, LoadedChildren>;
  expandedIds: ReadonlySet<string>;
  onToggleExpanded: (incident: IncidentDto) => void;
}

interface BoardRow {
  incident: IncidentDto;
  /** 1 for a child listed under its expanded parent. */
  depth: 0 | 1;
}

interface IncidentTableProps {
  incidents: IncidentDto[];
  loading: boolean;
  /** A further page is being fetched. */
  loadingMore?: boolean;
  /** Called as the scroll nears the last rows: the list fetches its next page. */
  onEndReached?: () => void;
  onOpen: (incident: IncidentDto) => void;
  selectedId?: string;
  /** Incidents with an unseen alert: their rows flash. */
  alertingIds?: ReadonlySet<string>;
  /** Row checkboxes for bulk actions, for users who may acknowledge. */
  selection?: BoardSelection;
  /** Children under their parents (the board's grouped view); without it every incident is its own row. */
  grouping?: BoardGrouping;
  /** Sites counting down on batteries, by site id. */
  batteries?: ReadonlyMap<string, SiteBattery>;
}

export interface BoardSelection {
  selectedIds: ReadonlySet<string>;
  canSelect: (incident: IncidentDto) => boolean;
  onToggle: (incident: IncidentDto) => void;
  /** Selects every loaded row that can be selected, or clears them when all already are. */
  onToggleAll: () => void;
  allSelected: boolean;
}

const NO_IDS: ReadonlySet<string> = new Set();
const NO_BATTERIES: ReadonlyMap<string, SiteBattery> = new Map();

/** A checkbox inside a clickable, keyboard-driven row: its clicks and keys stay its own. */
function stopRowHandlers(event: { stopPropagation: () => void }) {
  event.stopPropagation();
}

/** Fetch the next page while this many pixels (~15 rows) are still below the viewport. */
const END_REACHED_MARGIN_PX = 800;

/** Every row has the same height (two lines of text at most), so the virtualiser never measures. */
const ROW_HEIGHT = 48;

interface BoardColumn {
  key: string;
  title: ReactNode;
  width: number;
  /** Stays in view while the table scrolls sideways (the reference, on a phone). */
  sticky?: boolean;
  render: (incident: IncidentDto) => ReactNode;
}

/*
 * A light virtual table (ARIA table/row/cell roles on divs, @tanstack/react-virtual) rather than antd's
 * Table, which brought rc-table, rc-tree, pagination and dropdown into the first load for one list.
 * Cells use plain elements with `title` hints instead of antd Tooltip/Typography ellipsis: a virtual
 * table mounts fresh rows on every scroll frame, and those components measure the DOM on mount.
 */
export function IncidentTable({
  incidents,
  loading,
  loadingMore = false,
  onEndReached,
  onOpen,
  selectedId,
  alertingIds = NO_IDS,
  selection,
  grouping,
  batteries = NO_BATTERIES,
}: IncidentTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);

  // Each expanded parent is followed by its children (those still open), indented.
  const boardRows = useMemo<BoardRow[]>(() => {
    if (!grouping) return incidents.map((incident) => ({ incident, depth: 0 }));
    const rows: BoardRow[] = [];
    for (const incident of incidents) {
      rows.push({ incident, depth: 0 });
      if (!grouping.expandedIds.has(incident.id)) continue;
      for (const child of grouping.childrenOf.get(incident.id)?.items ?? []) rows.push({ incident: child, depth: 1 });
    }
    return rows;
  }, [incidents, grouping]);

  const columns = useMemo<BoardColumn[]>(
    () => [
      {
        key: 'reference',
        title: selection ? (
          <span className="select-cell">
            <input
              type="checkbox"
              className="row-check"
              checked={selection.allSelected}
              aria-label={t('bulk.selectAll')}
              title={t('bulk.selectAll')}
              onChange={selection.onToggleAll}
              data-testid="select-all"
            />
            {t('board.columns.reference')}
          </span>
        ) : (
          t('board.columns.reference')
        ),
        width: selection ? 216 : 186,
        sticky: true,
        render: (incident) => {
          const stack = (
            <div className="cell-stack">
              <span className="reference-line">
                {grouping && incident.correlation !== null && (
                  <ExpandChildrenButton
                    incident={incident}
                    loaded={grouping.childrenOf.get(incident.id)}
                    expanded={grouping.expandedIds.has(incident.id)}
                    onToggle={() => grouping.onToggleExpanded(incident)}
                  />
                )}
                <span className="reference">{incident.reference}</span>
                {incident.flapping && (
                  <span className="board-badge board-badge--flapping" title={t('board.storm.flappingHint')} data-testid={`flapping-${incident.reference}`}>
                    {t('board.storm.flapping')}
                  </span>
                )}
              </span>
              <span className="cell-sub ellipsis" title={t(`category.${incident.category}`)}>
                {t(`category.${incident.category}`)}
              </span>
            </div>
          );
          if (!selection) return stack;
          const selectable = selection.canSelect(incident);
          return (
            <span className="select-cell">
              <input
                type="checkbox"
                className="row-check"
                checked={selectable && selection.selectedIds.has(incident.id)}
                disabled={!selectable}
                aria-label={t('bulk.select', { reference: incident.reference })}
                onClick={stopRowHandlers}
                onKeyDown={stopRowHandlers}
                onChange={() => selection.onToggle(incident)}
                data-testid={`select-${incident.reference}`}
              />
              {stack}
            </span>
          );
        },
      },
      {
        key: 'deadline',
        title: t('board.columns.deadline'),
        width: 245,
        render: (incident) => <DeadlineCountdown deadline={incident.nextDeadline} />,
      },
      {
        key: 'severity',
        title: t('board.columns.severity'),
        width: 124,
        render: (incident) => <SeverityTag severity={incident.severity} />,
      },
      {
        key: 'status',
        title: t('board.columns.status'),
        width: 124,
        render: (incident) => <StatusTag status={incident.status} />,
      },
      {
        key: 'site',
        title: t('board.columns.site'),
        width: 240,
        render: (incident) => {
          const battery = batteries.get(incident.site.id);
          return (
            <div className="cell-stack">
              <span className="reference-line">
                <span className="site-code ellipsis">{incident.site.code}</span>
                {battery && incident.correlation === null && <BatteryBadge battery={battery} testId={`battery-${incident.reference}`} />}
              </span>
              <span className="ellipsis" title={incident.site.name}>
                {incident.site.name}
              </span>
            </div>
          );
        },
      },
      {
        key: 'commune',
        title: t('board.columns.commune'),
        width: 176,
        render: (incident) => (
          <div className="cell-stack">
            <span className="ellipsis">{incident.site.commune.name}</span>
            {incident.site.commune.formerDistrict && (
              <span className="cell-sub muted ellipsis">{incident.site.commune.formerDistrict}</span>
            )}
          </div>
        ),
      },
      {
        key: 'operator',
        title: t('board.columns.operator'),
        width: 110,
        render: (incident) => incident.site.operator.name,
      },
      {
        key: 'priority',
        title: t('board.columns.priority'),
        width: 80,
        render: (incident) => (
          <span className={`priority priority--${incident.priority}`} title={t(`priority.${incident.priority}`)}>
            {incident.priority}
          </span>
        ),
      },
      {
        key: 'responders',
        title: t('board.columns.responders'),
        width: 150,
        render: (incident) =>
          incident.responders.length > 0 ? (
            <span className="responders ellipsis" title={incident.responders.map((r) => `${r.name} · ${r.phone}`).join('\n')}>
              {incident.responders.map((responder) => responder.name).join(', ')}
            </span>
          ) : (
            <span className="muted">{t('board.unassigned')}</span>
          ),
      },
      {
        key: 'escalation',
        title: t('board.columns.escalation'),
        width: 130,
        render: (incident) => <EscalationBadge level={incident.escalationLevel} />,
      },
    ],
    [t, selection, batteries, grouping],
  );

  const virtualizer = useVirtualizer({
    count: boardRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();

  // Fetch the next page as the last rendered row comes within END_REACHED_MARGIN_PX of the viewport
  // (also when a short first page does not fill the screen).
  const lastIndex = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (boardRows.length === 0 || lastIndex < 0) return;
    const below = (boardRows.length - 1 - lastIndex) * ROW_HEIGHT;
    if (below < END_REACHED_MARGIN_PX) onEndReached?.();
  }, [lastIndex, boardRows.length, onEndReached]);

  const gridTemplateColumns = columns.map((column) => `${column.width}px`).join(' ');
  const tableWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const rowStyle: CSSProperties = { gridTemplateColumns, width: tableWidth };

  // Arrow keys move between rows (scrolling the next one into view), Enter opens the focused one.
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, index: number) => {
      if (event.key === 'Enter') {
        const row = boardRows[index];
        if (row) onOpen(row.incident);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      const next = index + step;
      if (step === 0 || next < 0 || next >= boardRows.length) return;
      event.preventDefault();
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
    },
    [boardRows, onOpen, virtualizer],
  );

  return (
    <div className="board-table">
      {/*
        Virtual rather than paginated: a duty officer must be able to scroll the whole board in one
        list during an alarm storm (5,000 rows) without page 2 hiding a breach, and virtual rendering
        mounts only the ~30 visible rows, so only ~30 countdowns re-render on each tick. The server
        pages the list; the next page is fetched as the scroll nears the end of what is loaded.
      */}
      <div
        ref={scrollRef}
        className="vtable"
        role="table"
        aria-label={t('board.title')}
        aria-rowcount={boardRows.length + 1}
        aria-busy={loading || loadingMore}
      >
        <div role="rowgroup" className="vtable__head" style={{ width: tableWidth }}>
          <div role="row" aria-rowindex={1} className="vtable__row" style={rowStyle}>
            {columns.map((column) => (
              <div key={column.key} role="columnheader" className={column.sticky ? 'vtable__cell vtable__cell--sticky' : 'vtable__cell'}>
                {column.title}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="vtable__body" style={{ height: virtualizer.getTotalSize(), width: tableWidth }}>
          {rows.map((row) => {
            const boardRow = boardRows[row.index];
            if (!boardRow) return null;
            const { incident, depth } = boardRow;
            const isParent = incident.correlation !== null;
            return (
              <div
                key={`${incident.id}-${depth}`}
                role="row"
                aria-rowindex={row.index + 2}
                aria-current={incident.id === selectedId ? true : undefined}
                tabIndex={0}
                data-index={row.index}
                data-testid={`incident-row-${incident.reference}`}
                data-incident-id={incident.id}
                data-operator={incident.site.operator.code}
                data-depth={depth}
                className={[
                  'vtable__row',
                  'board-row',
                  `board-row--${incident.severity}`,
                  isParent ? 'board-row--parent' : '',
                  depth === 1 ? 'board-row--child' : '',
                  incident.id === selectedId ? 'board-row--selected' : '',
                  alertingIds.has(incident.id) ? 'board-row--alerting' : '',
                ].join(' ')}
                data-alerting={alertingIds.has(incident.id) ? true : undefined}
                style={{ ...rowStyle, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                onClick={() => onOpen(incident)}
                onKeyDown={(event) => onRowKeyDown(event, row.index)}
              >
                {columns.map((column) => (
                  <div key={column.key} role="cell" className={column.sticky ? 'vtable__cell vtable__cell--sticky' : 'vtable__cell'}>
                    {column.key === 'site' && isParent ? <ParentSummary incident={incident} /> : column.render(incident)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {loading && incidents.length === 0 && (
          <div className="vtable__note">
            <Spin />
          </div>
        )}
        {!loading && incidents.length === 0 && <div className="vtable__note muted">{t('board.empty')}</div>}
        {loadingMore && <div className="vtable__note muted">{t('board.loadingMore')}</div>}
      </div>
    </div>
  );
}
