import type { IncidentDto } from '@netduty/contracts';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useRef, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementSize } from '../../../lib/use-element-size';
import { DeadlineCountdown } from '../../incidents/components/deadline-countdown';
import { EscalationBadge } from '../../incidents/components/escalation-badge';
import { SeverityTag } from '../../incidents/components/severity-tag';
import { StatusTag } from '../../incidents/components/status-tag';

interface IncidentTableProps {
  incidents: IncidentDto[];
  loading: boolean;
  /** A further page is being fetched. */
  loadingMore?: boolean;
  /** Called as the scroll nears the last rows: the list fetches its next page. */
  onEndReached?: () => void;
  onOpen: (incident: IncidentDto) => void;
  selectedId?: string;
}

/** Fetch the next page while this many pixels (~15 rows) are still below the viewport. */
const END_REACHED_MARGIN_PX = 800;

/** Height of the header row, subtracted from the container so the body scrolls, not the page. */
const HEADER_HEIGHT = 40;

/*
 * Cells use plain elements with `title` hints instead of antd Tooltip/Typography ellipsis: a virtual
 * table mounts fresh rows on every scroll frame, and those components measure the DOM on mount.
 */
export function IncidentTable({ incidents, loading, loadingMore = false, onEndReached, onOpen, selectedId }: IncidentTableProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(containerRef);

  const columns = useMemo<ColumnsType<IncidentDto>>(
    () => [
      {
        key: 'reference',
        title: t('board.columns.reference'),
        width: 150,
        fixed: 'left',
        render: (_, incident) => (
          <div className="cell-stack">
            <span className="reference">{incident.reference}</span>
            <span className="cell-sub ellipsis" title={t(`category.${incident.category}`)}>
              {t(`category.${incident.category}`)}
            </span>
          </div>
        ),
      },
      {
        key: 'deadline',
        title: t('board.columns.deadline'),
        width: 215,
        render: (_, incident) => <DeadlineCountdown deadline={incident.nextDeadline} />,
      },
      {
        key: 'severity',
        title: t('board.columns.severity'),
        width: 124,
        render: (_, incident) => <SeverityTag severity={incident.severity} />,
      },
      {
        key: 'status',
        title: t('board.columns.status'),
        width: 124,
        render: (_, incident) => <StatusTag status={incident.status} />,
      },
      {
        key: 'site',
        title: t('board.columns.site'),
        width: 240,
        render: (_, incident) => (
          <div className="cell-stack">
            <span className="site-code">{incident.site.code}</span>
            <span className="ellipsis" title={incident.site.name}>
              {incident.site.name}
            </span>
          </div>
        ),
      },
      {
        key: 'commune',
        title: t('board.columns.commune'),
        width: 176,
        render: (_, incident) => (
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
        render: (_, incident) => incident.site.operator.name,
      },
      {
        key: 'priority',
        title: t('board.columns.priority'),
        width: 80,
        render: (_, incident) => (
          <span className={`priority priority--${incident.priority}`} title={t(`priority.${incident.priority}`)}>
            {incident.priority}
          </span>
        ),
      },
      {
        key: 'responders',
        title: t('board.columns.responders'),
        width: 180,
        render: (_, incident) =>
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
        render: (_, incident) => <EscalationBadge level={incident.escalationLevel} />,
      },
    ],
    [t],
  );

  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
      if (scrollHeight - scrollTop - clientHeight < END_REACHED_MARGIN_PX) onEndReached?.();
    },
    [onEndReached],
  );

  const scrollX = useMemo(() => columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0), [columns]);

  return (
    <div ref={containerRef} className="board-table">
      {/*
        Virtual rather than paginated: a duty officer must be able to scroll the whole board in one
        list during an alarm storm (5,000 rows) without page 2 hiding a breach, and virtual rendering
        mounts only the ~30 visible rows, so only ~30 countdowns re-render on each tick. The server
        pages the list; the next page is fetched as the scroll nears the end of what is loaded.
      */}
      <Table<IncidentDto>
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={incidents}
        loading={loading}
        pagination={false}
        onScroll={onScroll}
        footer={loadingMore ? () => <span className="muted">{t('board.loadingMore')}</span> : undefined}
        scroll={{ x: scrollX, y: Math.max(200, height - HEADER_HEIGHT) }}
        locale={{ emptyText: t('board.empty') }}
        rowClassName={(incident) =>
          [
            'board-row',
            `board-row--${incident.severity}`,
            incident.id === selectedId ? 'board-row--selected' : '',
          ].join(' ')
        }
        onRow={(incident) => ({
          onClick: () => onOpen(incident),
          onKeyDown: (event) => {
            if (event.key === 'Enter') onOpen(incident);
          },
          tabIndex: 0,
          'data-testid': `incident-row-${incident.reference}`,
          'data-incident-id': incident.id,
          'data-operator': incident.site.operator.code,
        })}
      />
    </div>
  );
}
