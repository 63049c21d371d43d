import type { InAppNotificationDto, NotificationTitleKey } from '@netduty/contracts';
import { markForDrill } from '@netduty/domain';

/**
 * The notification centre's words, Vietnamese first. Kept beside the feature (its lazy chunk) rather than
 * in the first load's locale files; `language` is i18next's resolved language.
 */
const TEXT = {
  vi: {
    bell: 'Thông báo',
    bellUnread: (count: number) => `Thông báo: ${count} chưa đọc`,
    title: 'Trung tâm thông báo',
    markAllRead: 'Đánh dấu đã đọc tất cả',
    empty: 'Chưa có thông báo nào.',
    unread: 'Chưa đọc',
    openIncident: 'Mở sự cố',
    loadFailed: 'Không tải được thông báo.',
    close: 'Đóng',
    deliveries: 'Nhật ký gửi thông báo',
    deliveriesEmpty: 'Chưa gửi thông báo nào về sự cố này.',
    attempts: (count: number) => `${count} lần gửi`,
    channel: { in_app: 'Trên bảng trực', email: 'Thư điện tử', sms: 'SMS', zalo: 'Zalo', telegram: 'Telegram' },
    status: { pending: 'Đang chờ', sending: 'Đang gửi', sent: 'Đã gửi', delivered: 'Đã nhận', failed: 'Thất bại' },
    preferences: 'Kênh nhận thông báo của tôi',
    preferencesHint: 'Sự cố nghiêm trọng hoặc trạm P0 luôn được gửi qua mọi kênh.',
    severity: { critical: 'Nghiêm trọng', major: 'Cao', minor: 'Trung bình', warning: 'Cảnh báo' },
    savePreferences: 'Lưu kênh nhận',
    preferencesSaved: 'Đã lưu kênh nhận thông báo.',
  },
  en: {
    bell: 'Notifications',
    bellUnread: (count: number) => `Notifications: ${count} unread`,
    title: 'Notification centre',
    markAllRead: 'Mark all read',
    empty: 'No notifications yet.',
    unread: 'Unread',
    openIncident: 'Open the incident',
    loadFailed: 'Could not load notifications.',
    close: 'Close',
    deliveries: 'Delivery log',
    deliveriesEmpty: 'Nothing has been sent about this incident yet.',
    attempts: (count: number) => `${count} attempt${count === 1 ? '' : 's'}`,
    channel: { in_app: 'Console', email: 'E-mail', sms: 'SMS', zalo: 'Zalo', telegram: 'Telegram' },
    status: { pending: 'Waiting', sending: 'Sending', sent: 'Sent', delivered: 'Delivered', failed: 'Failed' },
    preferences: 'My notification channels',
    preferencesHint: 'A critical incident or a P0 site always goes out on every channel.',
    severity: { critical: 'Critical', major: 'Major', minor: 'Minor', warning: 'Warning' },
    savePreferences: 'Save channels',
    preferencesSaved: 'Notification channels saved.',
  },
} as const;

export type NotificationLanguage = keyof typeof TEXT;

export function notificationLanguage(resolved: string | undefined): NotificationLanguage {
  return resolved?.startsWith('en') ? 'en' : 'vi';
}

export function notificationText(language: NotificationLanguage) {
  return TEXT[language];
}

const param = (entry: InAppNotificationDto, name: string): string => String(entry.params[name] ?? '');

/** One entry's sentence; in a drill copy marked "[DIỄN TẬP]" as the e-mail and SMS texts are. */
export function notificationTitle(entry: InAppNotificationDto, language: NotificationLanguage, drill = false): string {
  return markForDrill(titleSentence(entry, language), drill);
}

/** By its title key (the same keys the e-mail and SMS texts word). */
function titleSentence(entry: InAppNotificationDto, language: NotificationLanguage): string {
  const key: NotificationTitleKey = entry.titleKey;
  switch (key) {
    case 'escalation.fired':
      return language === 'vi'
        ? `Sự cố ${param(entry, 'reference')} leo thang cấp ${param(entry, 'level')}${param(entry, 'site') ? ` — ${param(entry, 'site')}` : ''}`
        : `Incident ${param(entry, 'reference')} escalated to level ${param(entry, 'level')}${param(entry, 'site') ? ` — ${param(entry, 'site')}` : ''}`;
    case 'incident.assigned':
      return language === 'vi' ? `Bạn được giao xử lý sự cố ${param(entry, 'reference')}` : `You were assigned incident ${param(entry, 'reference')}`;
    case 'gateway.test':
      return language === 'vi' ? `Tin thử qua cổng ${param(entry, 'gateway')}` : `Test message through ${param(entry, 'gateway')}`;
    case 'situation_report.generated':
      return language === 'vi'
        ? `Đã lập ${param(entry, 'title')} số ${param(entry, 'number')}: ${param(entry, 'period')}`
        : `${param(entry, 'titleEn')} no. ${param(entry, 'number')} is ready: ${param(entry, 'periodEn')}`;
  }
}
