import type { NotificationPayload } from '@netduty/contracts';
import { messageText } from './message-text';

const assigned: NotificationPayload = { titleKey: 'incident.assigned', params: { reference: 'SC-000042', site: 'LSN-0101 Chi Lăng' } };

describe('the text of an e-mail or SMS', () => {
  it('words the message in Vietnamese, then English', () => {
    expect(messageText(assigned, null).short).toBe('Được phân công xử lý sự cố SC-000042: LSN-0101 Chi Lăng / Assigned to incident SC-000042: LSN-0101 Chi Lăng');
  });

  it('starts with [DIỄN TẬP] in a drill copy, in the subject and the body', () => {
    const text = messageText(assigned, 'A1B2', true);
    expect(text.short.startsWith('[DIỄN TẬP] Được phân công')).toBe(true);
    expect(text.long.split('\n')[0]).toBe('[DIỄN TẬP] Được phân công xử lý sự cố SC-000042: LSN-0101 Chi Lăng');
    expect(text.short.match(/\[DIỄN TẬP\]/g)).toHaveLength(1);
  });
});
