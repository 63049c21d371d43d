import { alarmRelations, CORRELATED_ALARMS_MAX, type CorrelationMember } from './alarm-relations';

const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 8, minute));

describe('alarm relations derived from parent incidents', () => {
  const members: CorrelationMember[] = [
    { alarmId: 'c', raisedAt: at(3) },
    { alarmId: 'a', raisedAt: at(1) },
    { alarmId: 'b', raisedAt: at(2) },
  ];

  it('makes the earliest raised alarm of the parent’s children the root cause, listing the others', () => {
    expect(alarmRelations('a', members)).toEqual({ isRootCause: true, parentAlarm: [], correlatedAlarm: ['b', 'c'] });
  });

  it('points every other alarm of those children at the root cause', () => {
    expect(alarmRelations('c', members)).toEqual({ isRootCause: false, parentAlarm: ['a'], correlatedAlarm: [] });
  });

  it('relates an alarm whose incident has no parent to nothing', () => {
    expect(alarmRelations('a', null)).toEqual({ isRootCause: false, parentAlarm: [], correlatedAlarm: [] });
    expect(alarmRelations('a', [])).toEqual({ isRootCause: false, parentAlarm: [], correlatedAlarm: [] });
  });

  it('breaks a tie of raise times by id, so every reader picks the same root', () => {
    const tied = [
      { alarmId: 'y', raisedAt: at(1) },
      { alarmId: 'x', raisedAt: at(1) },
    ];
    expect(alarmRelations('x', tied).isRootCause).toBe(true);
    expect(alarmRelations('y', tied).parentAlarm).toEqual(['x']);
  });

  it('lists at most 100 correlated alarms on the root cause', () => {
    const storm = Array.from({ length: 250 }, (_, index) => ({ alarmId: `s${String(index).padStart(3, '0')}`, raisedAt: at(index % 60) }));
    const root = alarmRelations('s000', storm);
    expect(root.isRootCause).toBe(true);
    expect(root.correlatedAlarm).toHaveLength(CORRELATED_ALARMS_MAX);
    expect(root.correlatedAlarm).not.toContain('s000');
  });
});
