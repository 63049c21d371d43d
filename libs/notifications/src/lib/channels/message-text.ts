import type { NotificationPayload, NotificationTitleKey } from '@netduty/contracts';
import { markForDrill } from '@netduty/domain';

/** Vietnamese first, English second: every outside message carries both, as the console does. */
const TITLES: Record<NotificationTitleKey, { vi: string; en: string }> = {
  'escalation.fired': {
    vi: 'Chuyển cấp sự cố {reference} (cấp {level}): {site}',
    en: 'Incident {reference} escalated (level {level}): {site}',
  },
  'incident.assigned': {
    vi: 'Được phân công xử lý sự cố {reference}: {site}',
    en: 'Assigned to incident {reference}: {site}',
  },
  'gateway.test': {
    vi: 'Tin nhắn thử của NetDuty {n}',
    en: 'NetDuty test message {n}',
  },
  'situation_report.generated': {
    vi: 'Đã lập {title} số {number}: {period}',
    en: '{titleEn} no. {number} is ready: {periodEn}',
  },
};

function fill(template: string, params: NotificationPayload['params']): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export interface MessageText {
  /** One line, both languages: an e-mail subject, an SMS. */
  short: string;
  /** The full text of an e-mail: both languages and the acknowledge link. */
  long: string;
}

/** `drill`: a drill copy of the province (NETDUTY_DRILL) marks every message "[DIỄN TẬP]". */
export function messageText(payload: NotificationPayload, ackCode: string | null, drill = false): MessageText {
  const title = TITLES[payload.titleKey];
  const vi = markForDrill(fill(title.vi, payload.params), drill);
  const en = fill(title.en, payload.params);
  const lines = [vi, en];
  if (payload.ackUrl) lines.push('', `Tiếp nhận / Acknowledge: ${payload.ackUrl}`);
  if (ackCode) lines.push('', `Trả lời ${ackCode} để tiếp nhận / Reply ${ackCode} to acknowledge`);
  return { short: `${vi} / ${en}`, long: lines.join('\n') };
}
