import type { AlarmWebhookMapping } from '@netduty/contracts';
import { mapWebhookPayload } from './map-webhook-payload';
import { validateWebhookMapping } from './webhook-mapping';

const now = new Date('2026-12-07T10:00:00Z');

/** A Huawei-U2000-like northbound shape: alarms nested per network element. */
const U2000_MAPPING: AlarmWebhookMapping = {
  items: '$.data[*].alarmList[*]',
  externalAlarmId: { path: '$.csn' },
  siteCode: { path: '$.neName' },
  perceivedSeverity: { path: '$.level', valueMap: { CRIT: 'critical', MAJ: 'major', MIN: 'minor', WARN: 'warning' } },
  probableCause: { path: '$.alarmName', valueMap: { 'Mains Failure': 'powerProblem' } },
  alarmType: { value: 'environmentalAlarm' },
  specificProblem: { path: '$.alarmName' },
  raisedTime: { path: '$.occurTime', format: 'epoch_milliseconds' },
  clearedTime: { path: '$.clearTime', format: 'epoch_milliseconds' },
  clear: { path: '$.clearStatus', clearedValues: ['1', 'CLEARED'] },
};

const raisedAt = Date.parse('2026-12-07T09:50:00Z');

function u2000Payload(alarms: unknown[][]): unknown {
  return { result: 0, data: alarms.map((alarmList, ne) => ({ neId: ne, alarmList })) };
}

describe('mapWebhookPayload', () => {
  it('maps nested vendor alarms with value maps, constants, epoch times and clear detection', () => {
    const payload = u2000Payload([
      [{ csn: 1001, neName: 'LSN0324-11', level: 'CRIT', alarmName: 'Mains Failure', occurTime: raisedAt, clearStatus: 0 }],
      [
        { csn: '1002', neName: 'LSN0401-12', level: 'MAJ', alarmName: 'Link Down', occurTime: raisedAt },
        { csn: '1003', neName: 'LSN0401-12', level: 'MIN', alarmName: 'Door Open', occurTime: raisedAt, clearStatus: 1, clearTime: raisedAt + 60_000 },
      ],
    ]);
    const { changes, problems, items } = mapWebhookPayload(payload, U2000_MAPPING, now);
    expect(problems).toEqual([]);
    expect(items).toBe(3);
    expect(changes).toEqual([
      expect.objectContaining({ index: 0, externalAlarmId: '1001', siteCode: 'LSN0324-11', perceivedSeverity: 'critical', probableCause: 'powerProblem', alarmType: 'environmentalAlarm', specificProblem: 'Mains Failure', state: 'raised', alarmClearedTime: null }),
      expect.objectContaining({ index: 1, externalAlarmId: '1002', perceivedSeverity: 'major', probableCause: 'Link Down', state: 'raised' }),
      expect.objectContaining({ index: 2, externalAlarmId: '1003', state: 'cleared', alarmRaisedTime: new Date(raisedAt), alarmClearedTime: new Date(raisedAt + 60_000) }),
    ]);
  });

  it('takes a single object as one alarm with the default items path, ISO times with an offset', () => {
    const mapping: AlarmWebhookMapping = { ...U2000_MAPPING, items: undefined, raisedTime: { path: '$.raised' }, clearedTime: undefined, clear: undefined };
    const { changes, problems } = mapWebhookPayload({ csn: 'a', neName: 'S1', level: 'cleared', alarmName: 'x', raised: '2026-12-07T16:50:00+07:00' }, mapping, now);
    expect(problems).toEqual([]);
    expect(changes).toEqual([expect.objectContaining({ externalAlarmId: 'a', state: 'cleared', perceivedSeverity: 'cleared', alarmRaisedTime: new Date('2026-12-07T09:50:00Z'), alarmClearedTime: now })]);
  });

  it('takes the elements of an array the items path points at', () => {
    const mapping: AlarmWebhookMapping = { ...U2000_MAPPING, items: '$.alarms' };
    const alarm = { csn: 1, neName: 'S1', level: 'WARN', alarmName: 'x', occurTime: raisedAt };
    expect(mapWebhookPayload({ alarms: [alarm, { ...alarm, csn: 2 }] }, mapping, now).changes.map((change) => change.externalAlarmId)).toEqual(['1', '2']);
  });

  it('names the item index and field of every problem, and maps only the items without one', () => {
    const payload = u2000Payload([
      [
        { csn: 1, neName: 'S1', level: 'CRIT', alarmName: 'x', occurTime: raisedAt },
        { csn: 2, level: 'HUGE', alarmName: 'x', occurTime: 'yesterday' },
        { csn: 3, neName: { nested: true }, level: 'CRIT', alarmName: 'x', occurTime: now.getTime() + 3_600_000 },
        'not an alarm',
      ],
    ]);
    const { changes, problems } = mapWebhookPayload(payload, U2000_MAPPING, now);
    expect(changes.map((change) => change.index)).toEqual([0]);
    expect(problems).toEqual([
      { field: 'items[1].siteCode', code: 'required' },
      { field: 'items[1].perceivedSeverity', code: 'not_one_of', params: { allowed: ['CRIT', 'MAJ', 'MIN', 'WARN', 'critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared'] } },
      { field: 'items[1].raisedTime', code: 'not_a_date', params: { format: 'epoch_milliseconds' } },
      { field: 'items[2].siteCode', code: 'not_a_string' },
      { field: 'items[2].raisedTime', code: 'invalid', params: { rule: 'not_in_the_future' } },
      { field: 'items[3]', code: 'not_an_object' },
    ]);
  });

  it('refuses a time without a zone, a clear before its raise, and a path that matches several values', () => {
    const mapping: AlarmWebhookMapping = { ...U2000_MAPPING, items: '$', siteCode: { path: '$..name' }, raisedTime: { path: '$.raised' }, clearedTime: { path: '$.cleared' } };
    const local = mapWebhookPayload({ csn: 1, ne: { name: 'S1' }, level: 'CRIT', alarmName: 'x', raised: '2026-12-07 09:50:00' }, mapping, now);
    expect(local.problems).toEqual([{ field: 'items[0].raisedTime', code: 'not_a_date', params: { format: 'iso8601' } }]);
    const backwards = mapWebhookPayload({ csn: 1, ne: { name: 'S1' }, level: 'CRIT', alarmName: 'x', raised: '2026-12-07T09:50:00Z', cleared: '2026-12-07T09:40:00Z' }, mapping, now);
    expect(backwards.problems).toEqual([{ field: 'items[0].clearedTime', code: 'before_other_field', params: { field: 'raisedTime' } }]);
    const twice = mapWebhookPayload({ csn: 1, ne: { name: 'S1' }, other: { name: 'S2' }, level: 'CRIT', alarmName: 'x', raised: '2026-12-07T09:50:00Z' }, mapping, now);
    expect(twice.problems).toEqual([{ field: 'items[0].siteCode', code: 'invalid', params: { rule: 'several_matches', path: '$..name' } }]);
  });

  it('refuses a payload whose items path finds nothing, or too many items', () => {
    expect(mapWebhookPayload({ data: [] }, U2000_MAPPING, now).problems).toEqual([{ field: 'items', code: 'too_few_items', params: { min: 1, path: U2000_MAPPING.items ?? '' } }]);
    const many = Array.from({ length: 1001 }, (_, csn) => ({ csn, neName: 'S1', level: 'CRIT', alarmName: 'x', occurTime: raisedAt }));
    expect(mapWebhookPayload(u2000Payload([many]), U2000_MAPPING, now).problems).toEqual([{ field: 'items', code: 'too_many_items', params: { max: 1000 } }]);
  });
});

describe('validateWebhookMapping', () => {
  it('accepts a complete mapping and defaults the items path to $', () => {
    const withoutItems: Partial<AlarmWebhookMapping> = { ...U2000_MAPPING };
    delete withoutItems.items;
    expect(validateWebhookMapping(U2000_MAPPING)).toEqual({ mapping: U2000_MAPPING, problems: [] });
    expect(validateWebhookMapping(withoutItems).mapping?.items).toBe('$');
  });

  it('refuses any script in a path (filters, dynamic expressions, type operators), naming the field', () => {
    for (const path of ['$.alarms[?(@.level=="CRIT")]', '$.alarms[(@.length-1)]', '$..[?(@.constructor)]', '$.alarms[*].@other()']) {
      expect(validateWebhookMapping({ ...U2000_MAPPING, items: path }).problems).toEqual([{ field: 'items', code: 'invalid', params: { rule: 'script_not_allowed' } }]);
    }
    expect(validateWebhookMapping({ ...U2000_MAPPING, siteCode: { path: 'neName' } }, 'mapping').problems).toEqual([{ field: 'mapping.siteCode.path', code: 'invalid', params: { rule: 'not_rooted' } }]);
  });

  it('names every other problem by its field', () => {
    const { problems } = validateWebhookMapping({
      items: 7,
      externalAlarmId: { path: '$.id', value: 'both' },
      perceivedSeverity: { path: '$.level', valueMap: { CRIT: 'fatal' } },
      probableCause: 'powerProblem',
      alarmType: { value: '' },
      raisedTime: { path: '$.t', format: 'local' },
      clear: { path: '$.s', clearedValues: [] },
      colour: 'red',
    });
    expect(problems).toEqual([
      { field: 'colour', code: 'unknown_field' },
      { field: 'items', code: 'not_a_string' },
      { field: 'externalAlarmId', code: 'invalid', params: { rule: 'path_or_value' } },
      { field: 'siteCode', code: 'required' },
      { field: 'perceivedSeverity.valueMap.CRIT', code: 'not_one_of', params: { allowed: ['critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared'] } },
      { field: 'probableCause', code: 'not_an_object' },
      { field: 'alarmType.value', code: 'required' },
      { field: 'raisedTime.format', code: 'not_one_of', params: { allowed: ['iso8601', 'epoch_milliseconds', 'epoch_seconds'] } },
      { field: 'clear.clearedValues', code: 'too_few_items', params: { min: 1 } },
    ]);
  });
});
