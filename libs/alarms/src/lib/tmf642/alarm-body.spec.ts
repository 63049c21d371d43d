import { InvalidInputError, UnprocessableInputError } from '@netduty/platform-errors';
import type { NmsCaller } from '../sources/nms-caller';
import { SourceSystemMismatchError } from '../sources/source-errors';
import { alarmCreateChange, alarmUpdateChange } from './alarm-body';

const caller: NmsCaller = { sourceSystemId: 'viettel-nms', operatorCode: 'viettel', keyId: 'k1' };
const now = new Date('2026-10-01T08:00:00Z');

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalAlarmId: 'A-1',
    sourceSystemId: 'viettel-nms',
    alarmType: 'environmentalAlarm',
    perceivedSeverity: 'major',
    probableCause: 'powerProblem',
    alarmedObject: { id: 'LSN0001' },
    state: 'raised',
    alarmRaisedTime: '2026-10-01T07:50:00+07:00',
    serviceAffecting: true,
    ...overrides,
  };
}

function refusal(run: () => unknown): { type: string; fields: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return { type: '400', fields: error.fields };
    if (error instanceof UnprocessableInputError) return { type: '422', fields: error.fields };
    if (error instanceof SourceSystemMismatchError) return { type: '403', fields: error.field };
    throw error;
  }
  return { type: 'accepted', fields: [] };
}

describe('reading TMF642 alarm bodies', () => {
  it('turns Alarm_Create into a change ordered by the source’s own time, keeping the other fields as details', () => {
    const change = alarmCreateChange(body({ alarmChangedTime: '2026-10-01T00:55:00Z' }), caller, now);
    expect(change).toMatchObject({ kind: 'create', externalAlarmId: 'A-1', operatorCode: 'viettel', changedAt: new Date('2026-10-01T00:55:00Z') });
    expect(change.attributes).toMatchObject({ siteCode: 'LSN0001', state: 'raised', alarmRaisedTime: new Date('2026-10-01T00:50:00Z'), details: { serviceAffecting: true } });
  });

  it('answers 400 for what breaks the spec’s schema, naming each field', () => {
    expect(refusal(() => alarmCreateChange(body({ alarmType: 7, alarmRaisedTime: 'yesterday', alarmedObject: undefined }), caller, now))).toEqual({
      type: '400',
      fields: expect.arrayContaining([
        { field: 'alarmedObject', code: 'required' },
        { field: 'alarmType', code: 'not_a_string' },
        { field: 'alarmRaisedTime', code: 'not_a_date' },
      ]),
    });
  });

  it('answers 403 for another source, and 422 for NetDuty’s own rules', () => {
    expect(refusal(() => alarmCreateChange(body({ sourceSystemId: 'other' }), caller, now)).type).toBe('403');
    expect(refusal(() => alarmCreateChange(body({ externalAlarmId: ' ', state: 'open', plannedOutageIndicator: 'maybe' }), caller, now))).toEqual({
      type: '422',
      fields: [
        { field: 'externalAlarmId', code: 'required' },
        { field: 'state', code: 'not_one_of', params: { allowed: ['raised', 'updated', 'cleared'] } },
        { field: 'plannedOutageIndicator', code: 'not_one_of', params: { allowed: ['InService', 'OutOfService'] } },
      ],
    });
    expect(refusal(() => alarmCreateChange(body({ alarmRaisedTime: '2027-01-01T00:00:00Z' }), caller, now)).fields).toEqual([
      { field: 'alarmRaisedTime', code: 'invalid', params: { rule: 'not_in_the_future' } },
    ]);
  });

  it('reads Alarm_Update over the stored alarm; what the spec skips cannot change', () => {
    const stored = { externalAlarmId: 'A-1', alarmRaisedTime: new Date('2026-10-01T00:50:00Z') };
    expect(alarmUpdateChange({ state: 'cleared', alarmClearedTime: '2026-10-01T01:00:00Z' }, caller, stored, now)).toMatchObject({
      kind: 'update',
      externalAlarmId: 'A-1',
      changedAt: new Date('2026-10-01T01:00:00Z'),
    });
    expect(alarmUpdateChange({ ackState: 'acknowledged' }, caller, stored, now).changedAt).toEqual(now);
    expect(refusal(() => alarmUpdateChange({ externalAlarmId: 'B-2' }, caller, stored, now)).fields).toEqual([{ field: 'externalAlarmId', code: 'invalid', params: { rule: 'not_patchable' } }]);
  });
});
