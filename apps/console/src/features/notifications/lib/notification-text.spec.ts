import type { InAppNotificationDto } from '@netduty/contracts';
import { notificationLanguage, notificationText, notificationTitle } from './notification-text';

const entry = (titleKey: InAppNotificationDto['titleKey'], params: InAppNotificationDto['params']): InAppNotificationDto => ({
  id: 'n1',
  incidentId: 'i1',
  titleKey,
  params,
  createdAt: '2026-12-07T01:00:00.000Z',
  readAt: null,
});

describe('notification centre words', () => {
  it('words an escalation in Vietnamese first and in English', () => {
    const fired = entry('escalation.fired', { reference: 'SC-000123', level: 2, site: 'LSN-001 Trạm Chi Lăng' });
    expect(notificationTitle(fired, 'vi')).toBe('Sự cố SC-000123 leo thang cấp 2 — LSN-001 Trạm Chi Lăng');
    expect(notificationTitle(fired, 'en')).toBe('Incident SC-000123 escalated to level 2 — LSN-001 Trạm Chi Lăng');
    expect(notificationTitle(entry('escalation.fired', { reference: 'SC-1', level: 1 }), 'vi')).toBe('Sự cố SC-1 leo thang cấp 1');
  });

  it('takes Vietnamese unless the console is in English', () => {
    expect(notificationLanguage(undefined)).toBe('vi');
    expect(notificationLanguage('vi')).toBe('vi');
    expect(notificationLanguage('en-GB')).toBe('en');
    expect(notificationText('vi').bellUnread(3)).toBe('Thông báo: 3 chưa đọc');
  });

  it('marks an entry [DIỄN TẬP] in a drill copy only', () => {
    const assigned = entry('incident.assigned', { reference: 'SC-7' });
    expect(notificationTitle(assigned, 'vi', true)).toBe('[DIỄN TẬP] Bạn được giao xử lý sự cố SC-7');
    expect(notificationTitle(assigned, 'en', true)).toBe('[DIỄN TẬP] You were assigned incident SC-7');
    expect(notificationTitle(assigned, 'vi')).toBe('Bạn được giao xử lý sự cố SC-7');
  });
});
