import type { EventPeriodStatusDto } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';

/** The event period the figures are read against: running (or the next one), its dates and its P0 sites. */
export function EventStatus({ event }: { event: EventPeriodStatusDto | null }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  if (!event) {
    return (
      <div className="dash-event dash-event--none" data-testid="event-status">
        <span className="dash-event__label">{t('dashboard.event.label')}</span>
        <span>{t('dashboard.event.none')}</span>
      </div>
    );
  }
  return (
    <div className={`dash-event dash-event--${event.status}`} data-testid="event-status" data-status={event.status}>
      <span className="dash-event__badge">{t(`dashboard.event.${event.status}`)}</span>
      <span className="dash-event__name">{event.name}</span>
      <span className="dash-event__dates">{t('dashboard.event.period', { from: format.dateTime(event.startsAt), to: format.dateTime(event.endsAt) })}</span>
      <span className={`dash-event__p0${event.p0Down > 0 ? ' dash-event__p0--down' : ''}`}>
        {t('dashboard.event.p0', { down: format.count(event.p0Down), total: format.count(event.p0Sites) })}
      </span>
    </div>
  );
}
