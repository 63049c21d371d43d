import { UnprocessableInputError } from '@netduty/platform-errors';
import { patternFilter } from './alarm-pattern';

function problemsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof UnprocessableInputError) return error.fields;
    throw error;
  }
  return [];
}

describe('alarmPattern matching', () => {
  it('matches every attribute of any one pattern, with bind parameters only', () => {
    const filter = patternFilter([{ externalAlarmId: "x'; --", state: 'raised' }, { alarmedObject: { id: 'LSN0001' } }], 2);
    expect(filter.sql).toBe('((a.external_alarm_id = $3 AND a.state = $4) OR (s.code = $5))');
    expect(filter.parameters).toEqual(["x'; --", 'raised', 'LSN0001']);
  });

  it('refuses what it cannot compare, and an empty pattern that would match every alarm', () => {
    expect(problemsOf(() => patternFilter([{ serviceAffecting: true }], 0))).toEqual([{ field: 'alarmPattern.0.serviceAffecting', code: 'invalid', params: { rule: 'not_a_pattern_attribute' } }]);
    expect(problemsOf(() => patternFilter([{ '@type': 'Alarm' }], 0))).toEqual([{ field: 'alarmPattern.0', code: 'invalid', params: { rule: 'empty_pattern' } }]);
  });
});
