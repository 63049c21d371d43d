import type { IncidentStatus, Severity, TimelineEventType } from '@netduty/contracts';

/** Severity colours agreed with the duty group: red, orange, gold, blue (antd preset colours). */
export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  critical: 'red',
  major: 'orange',
  minor: 'gold',
  warning: 'blue',
};

export const STATUS_COLOR: Readonly<Record<IncidentStatus, string>> = {
  reported: 'volcano',
  acknowledged: 'cyan',
  in_progress: 'processing',
  resolved: 'success',
  closed: 'default',
  reopened: 'purple',
};

export const TIMELINE_COLOR: Readonly<Record<TimelineEventType, string>> = {
  reported: 'red',
  acknowledged: 'blue',
  assigned: 'blue',
  commented: 'gray',
  escalated: 'red',
  resolved: 'green',
  closed: 'gray',
  reopened: 'purple',
  assignment_accepted: 'blue',
  responder_en_route: 'blue',
  responder_on_site: 'green',
  alarm_raised: 'orange',
  alarm_cleared: 'green',
  correlated: 'purple',
  flapping: 'orange',
};
