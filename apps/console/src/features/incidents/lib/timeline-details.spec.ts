import { timelineDetails } from './timeline-details';

describe('timelineDetails', () => {
  it('reads a comment, a note, an escalation and responder names', () => {
    expect(timelineDetails({ data: { text: 'Đã cử đội ứng cứu' } })).toEqual({ text: 'Đã cử đội ứng cứu' });
    expect(timelineDetails({ data: { note: 'Mất điện trở lại' } })).toEqual({ note: 'Mất điện trở lại' });
    expect(timelineDetails({ data: { level: 2, kind: 'restore', audience: 'duty_group_head', cycle: 1 } })).toEqual({
      escalationLevel: 2,
      escalationKind: 'restore',
      escalationAudience: 'duty_group_head',
    });
    expect(timelineDetails({ data: { responders: [{ id: 'r1', name: 'Hoàng Văn B' }, 'Lý Thị C'] } })).toEqual({
      responderNames: ['Hoàng Văn B', 'Lý Thị C'],
    });
  });

  it('ignores fields of unexpected types', () => {
    expect(timelineDetails({ data: { text: 42, level: 'high', kind: 'lunch', audience: 'everyone', responders: 'all' } })).toEqual({});
  });
});
