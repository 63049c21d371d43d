import type { DeadlineDto, IncidentDto } from '@netduty/contracts';
import { deadlineStillApplies } from '@netduty/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { DeadlineCountdown } from './deadline-countdown';

/** When the deadline's clock stopped: acknowledgement for the first, resolution for the second. */
function stoppedAt(incident: IncidentDto, deadline: DeadlineDto): string | null {
  return deadline.kind === 'acknowledge' ? incident.acknowledgedAt : incident.resolvedAt;
}

function DeadlineRow({ incident, deadline }: { incident: IncidentDto; deadline: DeadlineDto }) {
  const { t } = useTranslation();
  const running = deadlineStillApplies(deadline.kind, incident.status);
  const stopped = stoppedAt(incident, deadline);
  const met = stopped !== null && Date.parse(stopped) <= Date.parse(deadline.dueAt);
  return (
    <div className="deadline-row" data-testid={`deadline-${deadline.kind}`}>
      <span className="deadline-row__label">
        {deadline.kind === 'acknowledge' ? t('deadline.acknowledgeDeadline') : t('deadline.restoreDeadline')}
      </span>
      <span className="deadline-row__due">{formatDateTime(deadline.dueAt)}</span>
      <span className="deadline-row__state">
        {running ? (
          <DeadlineCountdown deadline={deadline} showKind={false} />
        ) : (
          <Tag color={met ? 'success' : 'error'}>{met ? t('deadline.met') : t('deadline.missed')}</Tag>
        )}
      </span>
    </div>
  );
}

export function DeadlinePanel({ incident }: { incident: IncidentDto }) {
  return (
    <div className="deadline-panel">
      <DeadlineRow incident={incident} deadline={incident.acknowledgeDeadline} />
      <DeadlineRow incident={incident} deadline={incident.restoreDeadline} />
    </div>
  );
}
