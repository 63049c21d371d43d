import type { TimelineEventDto } from '@netduty/contracts';
import type { TFunction } from 'i18next';

/** What a timeline entry says under its title: a detail line, the person's own words, a muted aside. */
export interface TimelineLines {
  detail?: string;
  text?: string;
  aside?: string;
}

function noteLine(t: TFunction, note: string | undefined): TimelineLines {
  return note ? { text: t('timeline.note', { note }) } : {};
}

/** One case per event type (the union of contracts): a new type does not compile until it is worded here. */
export function timelineLines(t: TFunction, event: TimelineEventDto): TimelineLines {
  switch (event.type) {
    case 'reported':
      return {};
    case 'acknowledged':
    case 'resolved':
    case 'closed':
      return noteLine(t, event.data.note);
    case 'assigned':
      return {
        detail: t('timeline.assignedDetail', { names: event.data.responders.map((responder) => responder.name).join(', ') }),
        ...noteLine(t, event.data.note),
      };
    case 'commented':
      return { text: event.data.text };
    case 'escalated': {
      const { data } = event;
      const level = data.chainLevel ?? data.level;
      const detail = data.manual
        ? t('timeline.escalatedManually', { level, reason: data.reason ?? '' })
        : data.acceptOverdue
          ? t('timeline.escalatedNotAccepted', { level, name: data.acceptOverdue.responderName, minutes: Math.max(1, Math.round(data.acceptOverdue.acceptSeconds / 60)) })
          : t('timeline.escalatedDetail', { level, kind: t(`deadlineKind.${data.kind}`).toLowerCase() });
      // Steps stored before escalation policies name an audience; since then, the people reached.
      if (data.recipients) {
        const names = data.recipients.map((recipient) => recipient.displayName).join(', ');
        return { detail, aside: names ? t('timeline.notifiedPeople', { names }) : t('timeline.notifiedNobody') };
      }
      return data.audience ? { detail, aside: t('timeline.notified', { audience: t(`escalation.audience.${data.audience}`) }) } : { detail };
    }
    case 'reopened':
      return { text: t('timeline.reason', { note: event.data.note }) };
    case 'assignment_accepted':
    case 'responder_en_route':
    case 'responder_on_site':
      return { detail: t('timeline.journeyDetail', { name: event.data.responder.name, phone: event.data.responder.phone }) };
    case 'alarm_raised': {
      const { data } = event;
      return {
        detail: t('timeline.alarmDetail', { problem: data.specificProblem ?? data.probableCause, severity: data.perceivedSeverity, source: data.sourceSystemId, id: data.externalAlarmId }),
      };
    }
    case 'alarm_cleared':
      return {
        detail: t('timeline.alarmClearedDetail', { source: event.data.sourceSystemId, id: event.data.externalAlarmId }),
        ...(event.data.resolves ? { aside: t('timeline.alarmClearedResolves') } : {}),
      };
    case 'correlated': {
      const { data } = event;
      const upstream = t(`timeline.upstream.${data.kind}`, { key: data.key });
      return data.parent
        ? { detail: t('timeline.correlatedChild', { reference: data.parent.reference, upstream }) }
        : {
            detail: t('timeline.correlatedParent', { count: data.childCount ?? data.children?.length ?? 0, upstream }),
            ...(data.children?.length ? { aside: data.children.map((child) => child.siteCode).join(', ') } : {}),
          };
    }
    case 'flapping':
      return { detail: t('timeline.flappingDetail', { cycles: event.data.cycles, minutes: Math.round(event.data.windowSeconds / 60) }) };
  }
}
