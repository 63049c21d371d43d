import {
  AlertOutlined,
  CheckCircleOutlined,
  CommentOutlined,
  LockOutlined,
  RedoOutlined,
  RiseOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { TimelineEventDto, TimelineEventType } from '@netduty/contracts';
import { Empty, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { TIMELINE_COLOR } from '../lib/presentation';
import { timelineDetails } from '../lib/timeline-details';

/** The actor the api records for automatic events (escalations). */
const SYSTEM_ACTOR = 'system';

const TIMELINE_ICON: Readonly<Record<TimelineEventType, ReactNode>> = {
  reported: <AlertOutlined />,
  acknowledged: <UserSwitchOutlined />,
  assigned: <TeamOutlined />,
  commented: <CommentOutlined />,
  escalated: <RiseOutlined />,
  resolved: <CheckCircleOutlined />,
  closed: <LockOutlined />,
  reopened: <RedoOutlined />,
};

function TimelineEntry({ event }: { event: TimelineEventDto }) {
  const { t } = useTranslation();
  const details = timelineDetails(event);
  return (
    <div className="timeline-entry" data-testid={`timeline-${event.type}`}>
      <div className="timeline-entry__head">
        <strong>{t(`timeline.type.${event.type}`)}</strong>
        <span className="muted">
          {formatDateTime(event.at)} · {!event.actor || event.actor === SYSTEM_ACTOR ? t('timeline.system') : event.actor}
        </span>
      </div>
      {details.escalationLevel !== undefined && (
        <div>
          {t('timeline.escalatedDetail', {
            level: details.escalationLevel,
            kind: details.escalationKind ? t(`deadlineKind.${details.escalationKind}`).toLowerCase() : '',
          })}
          {details.escalationAudience && (
            <span className="muted"> · {t('timeline.notified', { audience: t(`escalation.audience.${details.escalationAudience}`) })}</span>
          )}
        </div>
      )}
      {details.responderNames && <div>{t('timeline.assignedDetail', { names: details.responderNames.join(', ') })}</div>}
      {details.text && <div className="timeline-entry__text">{details.text}</div>}
      {details.note && (
        <div className="timeline-entry__text">
          {event.type === 'reopened' ? t('timeline.reason', { note: details.note }) : t('timeline.note', { note: details.note })}
        </div>
      )}
    </div>
  );
}

/** The incident's append-only history, oldest first, as it happened. */
export function IncidentTimeline({ events }: { events: TimelineEventDto[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty description={t('timeline.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <div data-testid="incident-timeline">
      <Timeline
        items={ordered.map((event) => ({
          key: event.id,
          color: TIMELINE_COLOR[event.type],
          icon: TIMELINE_ICON[event.type],
          content: <TimelineEntry event={event} />,
        }))}
      />
    </div>
  );
}
