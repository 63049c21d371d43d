import type { TimelineEventDto } from '@netduty/contracts';
import i18next from 'i18next';
import { en } from '../../../i18n/locales/en';
import { onDutyEn } from '../../../i18n/locales/on-duty.en';
import { timelineLines } from './timeline-lines';

describe('timelineLines', () => {
  const i18n = i18next.createInstance();
  const base = { id: '1', incidentId: 'i', actor: 'Cán bộ trực', at: '2026-12-01T00:00:00.000Z' };

  beforeAll(async () => {
    await i18n.init({ resources: { en: { translation: { ...en, ...onDutyEn } } }, lng: 'en', interpolation: { escapeValue: false } });
  });

  const lines = (event: TimelineEventDto) => timelineLines(i18n.t, event);

  it('words each event type from its own data', () => {
    expect(lines({ ...base, type: 'commented', data: { text: 'Đã cử người' } })).toEqual({ text: 'Đã cử người' });
    expect(lines({ ...base, type: 'reopened', data: { note: 'Mất sóng lại' } }).text).toContain('Mất sóng lại');
    expect(lines({ ...base, type: 'assigned', data: { responders: [{ id: 'r', name: 'Nguyễn Văn A', phone: '0900' }] } }).detail).toContain('Nguyễn Văn A');
    const escalated = lines({
      ...base,
      type: 'escalated',
      data: { kind: 'acknowledge', level: 2, cycle: 1, audience: 'duty_group_head', deadlineAt: base.at },
    });
    expect(escalated.detail).toContain('2');
    expect(escalated.aside).toContain(en.escalation.audience.duty_group_head);
  });

  it('shows a note only when there is one', () => {
    expect(lines({ ...base, type: 'resolved', data: {} })).toEqual({});
    expect(lines({ ...base, type: 'closed', data: { note: 'ok' } }).text).toContain('ok');
    expect(lines({ ...base, type: 'reported', data: { category: 'mains_failure', severity: 'major' } })).toEqual({});
  });

  it("names the responder and their call-back phone on each step of the journey", () => {
    const responder = { id: 'r', name: 'Bế Hữu Sơn', phone: '0965433498' };
    for (const type of ['assignment_accepted', 'responder_en_route', 'responder_on_site'] as const) {
      expect(lines({ ...base, type, data: { responder } })).toEqual({ detail: 'Bế Hữu Sơn · 0965433498' });
    }
  });
});
