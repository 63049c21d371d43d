import {
  AlertOutlined,
  ApartmentOutlined,
  CheckOutlined,
  SwapOutlined,
  WarningOutlined,
  CheckCircleOutlined,
  CarOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  LikeOutlined,
  LockOutlined,
  RedoOutlined,
  RiseOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { SYSTEM_ACTOR, type TimelineEventDto, type TimelineEventType } from '@netduty/contracts';
import { Empty, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { TIMELINE_COLOR } from '../lib/presentation';
import { timelineLines } from '../lib/timeline-lines';

const TIMELINE_ICON: Readonly<Record<TimelineEventType, ReactNode>> = {
  reported: <AlertOutlined />,
  acknowledged: <UserSwitchOutlined />,
  assigned: <TeamOutlined />,
  commented: <CommentOutlined />,
  escalated: <RiseOutlined />,
  resolved: <CheckCircleOutlined />,
  closed: <LockOutlined />,
  reopened: <RedoOutlined />,
  assignment_accepted: <LikeOutlined />,
  responder_en_route: <CarOutlined />,
  responder_on_site: <EnvironmentOutlined />,
  alarm_raised: <WarningOutlined />,
  alarm_cleared: <CheckOutlined />,
  correlated: <ApartmentOutlined />,
  flapping: <SwapOutlined />,
};

function TimelineEntry({ event }: { event: TimelineEventDto }) {
  const { t } = useTranslation();
  const lines = timelineLines(t, event);
  return (
    <div className="timeline-entry" data-testid={`timeline-${event.type}`}>
      <div className="timeline-entry__head">
        <strong>{t(`timeline.type.${event.type}`)}</strong>
        <span className="muted">
          {formatDateTime(event.at)} · {!event.actor || event.actor === SYSTEM_ACTOR ? t('timeline.system') : event.actor}
        </span>
      </div>
      {lines.detail && (
        <div>
          {lines.detail}
          {lines.aside && <span className="muted"> · {lines.aside}</span>}
        </div>
      )}
      {lines.text && <div className="timeline-entry__text">{lines.text}</div>}
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
