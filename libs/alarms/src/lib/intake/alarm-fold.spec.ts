import type { AlarmValues } from './alarm-change';
import { foldAlarmChanges, type ResolvedChange } from './alarm-fold';

const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 8, minute));
let sequence = 0;

function raise(minute: number, overrides: Partial<ResolvedChange['attributes']> = {}): ResolvedChange {
  return {
    kind: 'create',
    siteId: 'site-1',
    changedAt: at(minute),
    sequence: sequence++,
    attributes: { state: 'raised', alarmType: 'equipmentAlarm', perceivedSeverity: 'major', probableCause: 'powerProblem', alarmRaisedTime: at(0), ...overrides },
  };
}

function change(minute: number, attributes: ResolvedChange['attributes'], kind: ResolvedChange['kind'] = 'update'): ResolvedChange {
  return { kind, changedAt: at(minute), sequence: sequence++, attributes };
}

describe('folding the changes a batch holds for one alarm', () => {
  it('creates the alarm with one event, and repeats of the same change add nothing', () => {
    const first = raise(0);
    const retry = { ...raise(0), sequence: sequence++ };
    const result = foldAlarmChanges(null, [first, retry], 'viettel');
    expect(result.row).toMatchObject({ state: 'raised', perceivedSeverity: 'major', siteId: 'site-1', operatorCode: 'viettel', clearedWithoutRaise: false });
    expect(result.events).toEqual([{ state: 'raised', perceivedSeverity: 'major', occurredAt: at(0) }]);
    expect(result.outcomes.get(first.sequence)).toBe('created');
    expect(result.outcomes.get(retry.sequence)).toBe('unchanged');
  });

  it('applies changes in the order of their own times, whatever order they arrived in', () => {
    const clear = change(5, { state: 'cleared' });
    const update = change(3, { state: 'updated', perceivedSeverity: 'critical' });
    const result = foldAlarmChanges(null, [clear, update, raise(0)], 'viettel');
    expect(result.events.map((event) => `${event.state}/${event.perceivedSeverity}`)).toEqual(['raised/major', 'updated/critical', 'cleared/cleared']);
    expect(result.row).toMatchObject({ state: 'cleared', perceivedSeverity: 'cleared', alarmChangedTime: at(5), alarmClearedTime: at(5) });
  });

  it('refuses a change older than the stored alarm: it overwrites nothing and adds no event', () => {
    const stored = foldAlarmChanges(null, [raise(10, { perceivedSeverity: 'critical' })], 'viettel').row as AlarmValues;
    const late = change(4, { perceivedSeverity: 'minor' });
    const result = foldAlarmChanges(stored, [late], 'viettel');
    expect(result.row).toBeNull();
    expect(result.events).toEqual([]);
    expect(result.outcomes.get(late.sequence)).toBe('stale');
  });

  it('keeps a newer change of other attributes without an event (state and severity unchanged)', () => {
    const stored = foldAlarmChanges(null, [raise(1)], 'viettel').row as AlarmValues;
    const newer = change(2, { specificProblem: 'Rectifier module 2 failed', details: { alarmDetails: 'cabinet B' } });
    const result = foldAlarmChanges(stored, [newer], 'viettel');
    expect(result.row).toMatchObject({ specificProblem: 'Rectifier module 2 failed', details: { alarmDetails: 'cabinet B' }, alarmChangedTime: at(2) });
    expect(result.events).toEqual([]);
    expect(result.outcomes.get(newer.sequence)).toBe('updated');
  });

  it('stores a clear of an alarm never raised, marked cleared_without_raise', () => {
    const clear = raise(7, { state: 'cleared', perceivedSeverity: 'major', alarmClearedTime: at(7) });
    const result = foldAlarmChanges(null, [clear], 'mobifone');
    expect(result.row).toMatchObject({ state: 'cleared', perceivedSeverity: 'cleared', clearedWithoutRaise: true, alarmClearedTime: at(7) });
    expect(result.outcomes.get(clear.sequence)).toBe('created');
    expect(result.events).toEqual([{ state: 'cleared', perceivedSeverity: 'cleared', occurredAt: at(7) }]);
  });

  it('treats perceivedSeverity cleared as a clear, and a raise after it as raised again', () => {
    const result = foldAlarmChanges(null, [raise(0), change(1, { perceivedSeverity: 'cleared' }), change(2, { state: 'raised', perceivedSeverity: 'minor' })], 'vnpt');
    expect(result.events.map((event) => event.state)).toEqual(['raised', 'cleared', 'raised']);
    expect(result.row).toMatchObject({ state: 'raised', perceivedSeverity: 'minor', alarmClearedTime: null, clearedWithoutRaise: false });
  });

  it('has no outcome for an update of an alarm that is not stored (the caller answers 404)', () => {
    const orphan = change(1, { state: 'cleared' });
    const result = foldAlarmChanges(null, [orphan], 'vnpt');
    expect(result.row).toBeNull();
    expect(result.outcomes.has(orphan.sequence)).toBe(false);
  });

  it('sees no change in a stored alarm whose jsonb came back with its keys in another order', () => {
    const stored = foldAlarmChanges(null, [raise(1, { details: { zeta: 1, alpha: { b: 2, a: 1 } } })], 'viettel').row as AlarmValues;
    const fromDatabase: AlarmValues = { ...stored, details: { alpha: { a: 1, b: 2 }, zeta: 1 } };
    const retry = raise(1, { details: { zeta: 1, alpha: { b: 2, a: 1 } } });
    expect(foldAlarmChanges(fromDatabase, [retry], 'viettel').outcomes.get(retry.sequence)).toBe('unchanged');
  });
});
