import type { IncidentDto } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';
import type { SiteBattery } from '../hooks/use-site-battery';
import type { LoadedChildren } from './incident-table';

/** Minutes left on batteries; red under half an hour, "off air" once past. */
export function BatteryBadge({ battery, testId }: { battery: SiteBattery; testId?: string }) {
  const { t } = useTranslation();
  const past = battery.minutesLeft <= 0;
  const urgent = battery.minutesLeft < 30;
  const className = ['board-badge', 'board-badge--battery', urgent ? 'board-badge--urgent' : ''].join(' ');
  return (
    <span
      className={className}
      title={past ? t('board.storm.batteryPastHint') : t('board.storm.batteryHint', { minutes: battery.minutesLeft })}
      data-testid={testId}
      data-minutes={battery.minutesLeft}
    >
      <span aria-hidden="true">▮ </span>
      {past ? t('board.storm.batteryPast') : t('board.storm.battery', { minutes: battery.minutesLeft })}
    </span>
  );
}

/** The expand/collapse button of a mass-outage parent's row, with its child count ("▸ 12 trạm"). */
export function ExpandChildrenButton({
  incident,
  loaded,
  expanded,
  onToggle,
}: {
  incident: IncidentDto;
  loaded: LoadedChildren | undefined;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const count = loaded ? `${loaded.items.length}${loaded.more ? '+' : ''}` : '…';
  const hint = expanded ? t('board.storm.collapse', { reference: incident.reference }) : t('board.storm.expand', { reference: incident.reference, count });
  return (
    <button
      type="button"
      className="board-expand"
      aria-expanded={expanded}
      aria-label={hint}
      title={hint}
      data-testid={`expand-${incident.reference}`}
      onClick={(event) => {
        event.stopPropagation();
        onToggle();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
      <span className="board-badge board-badge--children" data-testid={`child-count-${incident.reference}`}>
        {t('board.storm.children', { count })}
      </span>
    </button>
  );
}

/** A mass-outage parent's site cell: what its children share ("suspected mains failure", "feeder X"). */
export function ParentSummary({ incident }: { incident: IncidentDto }) {
  const { t } = useTranslation();
  const correlation = incident.correlation;
  if (!correlation) return null;
  const label = t(`board.storm.kind.${correlation.kind}`, { key: correlation.key });
  return (
    <div className="cell-stack" title={label}>
      <span className={`ellipsis storm-kind storm-kind--${correlation.kind}`}>{t(`board.storm.kindShort.${correlation.kind}`)}</span>
      <span className="cell-sub ellipsis storm-upstream" data-testid={`upstream-${incident.reference}`}>
        {t(`board.storm.upstream.${correlation.kind}`, { key: correlation.key })}
      </span>
    </div>
  );
}
