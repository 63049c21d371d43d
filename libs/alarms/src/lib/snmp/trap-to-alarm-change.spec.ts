import { DEFAULT_TRAP_MAPPINGS, LINK_TRAPS, POWER_CABINET_MIB } from './default-trap-mappings';
import { trapMappingTable } from './trap-mapping';
import { clearWithoutRaise, trapToAlarmChange, type ReceivedTrap, type TrapOutcome } from './trap-to-alarm-change';

const table = trapMappingTable(DEFAULT_TRAP_MAPPINGS);
const source = { sourceSystemId: 'viettel-snmp', operatorCode: 'viettel' as const };
const at = new Date('2026-12-07T01:02:03.000Z');
const cabinet = (trap: number) => `${POWER_CABINET_MIB.traps}.${trap}`;

function trap(trapOid: string, varbinds: Record<string, string>, overrides: Partial<ReceivedTrap> = {}): ReceivedTrap {
  return { trapOid, varbinds: Object.entries(varbinds).map(([oid, value]) => ({ oid, value })), version: 'v2c', agentAddress: '10.0.0.7', receivedAt: at, ...overrides };
}

function mapped(outcome: TrapOutcome) {
  if (outcome.kind !== 'mapped') throw new Error(`expected a mapped trap, got ${JSON.stringify(outcome)}`);
  return outcome.change;
}

describe('trapToAlarmChange', () => {
  it('raises an AC mains failure at the site the varbind names, as a whole alarm of the source', () => {
    const change = mapped(trapToAlarmChange(trap(cabinet(1), { [POWER_CABINET_MIB.siteCode]: 'LSN0001' }), table, source));
    expect(change).toMatchObject({
      kind: 'create',
      sourceSystemId: 'viettel-snmp',
      operatorCode: 'viettel',
      externalAlarmId: 'snmp:acMainsFailure:LSN0001',
      changedAt: at,
      attributes: {
        siteCode: 'LSN0001',
        state: 'raised',
        alarmType: 'environmentalAlarm',
        perceivedSeverity: 'major',
        probableCause: 'commercialPowerFailure',
        specificProblem: 'AC mains failure',
        alarmRaisedTime: at,
        alarmClearedTime: null,
      },
    });
    expect(change.attributes.details).toEqual({
      snmp: { trapOid: cabinet(1), trapName: 'pcAcMainsFailure', version: 'v2c', agentAddress: '10.0.0.7', varbinds: [{ oid: POWER_CABINET_MIB.siteCode, value: 'LSN0001' }] },
    });
  });

  it('clears the alarm its raise made: same externalAlarmId, cleared, the raise time left as stored', () => {
    const raise = mapped(trapToAlarmChange(trap(cabinet(5), { [POWER_CABINET_MIB.siteCode]: 'LSN0002' }), table, source));
    const clear = mapped(trapToAlarmChange(trap(cabinet(6), { [POWER_CABINET_MIB.siteCode]: 'LSN0002' }), table, source));
    expect(clear.externalAlarmId).toBe(raise.externalAlarmId);
    expect(clear).toMatchObject({ kind: 'update', attributes: { state: 'cleared', perceivedSeverity: 'cleared', alarmClearedTime: at, probableCause: 'lowBatteryThreshold' } });
    expect(clear.attributes.alarmRaisedTime).toBeUndefined();
  });

  it('turns a clear without a stored raise into a whole cleared alarm raised at its own time', () => {
    const clear = mapped(trapToAlarmChange(trap(cabinet(2), { [POWER_CABINET_MIB.siteCode]: 'LSN0003' }), table, source));
    expect(clearWithoutRaise(clear)).toMatchObject({ kind: 'create', externalAlarmId: clear.externalAlarmId, attributes: { state: 'cleared', alarmRaisedTime: at, alarmClearedTime: at } });
  });

  it('takes the severity from the severity varbind, and the mapping’s own for a value it does not know', () => {
    const critical = mapped(trapToAlarmChange(trap(cabinet(3), { [POWER_CABINET_MIB.siteCode]: 'S1', [POWER_CABINET_MIB.severity]: '1' }), table, source));
    const unknown = mapped(trapToAlarmChange(trap(cabinet(3), { [POWER_CABINET_MIB.siteCode]: 'S1', [POWER_CABINET_MIB.severity]: '9' }), table, source));
    expect(critical.attributes.perceivedSeverity).toBe('critical');
    expect(unknown.attributes.perceivedSeverity).toBe('major');
  });

  it('names a link alarm by site and interface, reading instance varbinds under their column OID', () => {
    const down3 = mapped(trapToAlarmChange(trap(LINK_TRAPS.linkDown, { [`${LINK_TRAPS.ifIndex}.3`]: '3', [LINK_TRAPS.sysName]: 'LSN0009' }), table, source));
    const down4 = mapped(trapToAlarmChange(trap(LINK_TRAPS.linkDown, { [`${LINK_TRAPS.ifIndex}.4`]: '4', [LINK_TRAPS.sysName]: 'LSN0009' }), table, source));
    const up3 = mapped(trapToAlarmChange(trap(LINK_TRAPS.linkUp, { [LINK_TRAPS.sysName]: 'LSN0009', [`${LINK_TRAPS.ifIndex}.3`]: '3' }), table, source));
    expect(down3.externalAlarmId).toBe('snmp:linkDown:LSN0009:3');
    expect(down4.externalAlarmId).not.toBe(down3.externalAlarmId);
    expect(up3.externalAlarmId).toBe(down3.externalAlarmId);
    expect(down3.attributes).toMatchObject({ probableCause: 'lossOfSignal', alarmType: 'communicationsAlarm', state: 'raised' });
  });

  it('gives the same change for the same trap twice (one alarm)', () => {
    const once = trapToAlarmChange(trap(cabinet(7), { [POWER_CABINET_MIB.siteCode]: 'S2' }), table, source);
    const twice = trapToAlarmChange(trap(cabinet(7), { [POWER_CABINET_MIB.siteCode]: 'S2' }), table, source);
    expect(twice).toEqual(once);
  });

  it('reports an OID without a mapping as unmapped', () => {
    expect(trapToAlarmChange(trap('1.3.6.1.4.1.9.9.41.2.0.1', { [POWER_CABINET_MIB.siteCode]: 'S1' }), table, source)).toEqual({ kind: 'unmapped', trapOid: '1.3.6.1.4.1.9.9.41.2.0.1' });
  });

  it('refuses a mapped trap without its site code or its key varbind', () => {
    expect(trapToAlarmChange(trap(cabinet(1), {}), table, source)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining(POWER_CABINET_MIB.siteCode) as string });
    expect(trapToAlarmChange(trap(cabinet(1), { [POWER_CABINET_MIB.siteCode]: '   ' }), table, source).kind).toBe('invalid');
    expect(trapToAlarmChange(trap(LINK_TRAPS.linkDown, { [LINK_TRAPS.sysName]: 'LSN0009' }), table, source)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining(LINK_TRAPS.ifIndex) as string });
  });

  it('refuses a site code longer than TMF642 accepts rather than cutting it', () => {
    expect(trapToAlarmChange(trap(cabinet(1), { [POWER_CABINET_MIB.siteCode]: 'S'.repeat(101) }), table, source).kind).toBe('invalid');
  });

  it('keeps at most 20 varbinds of 200 characters in details', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`1.3.6.1.4.1.99.${index}`, 'x'.repeat(500)]));
    const change = mapped(trapToAlarmChange(trap(cabinet(1), { [POWER_CABINET_MIB.siteCode]: 'S1', ...many }), table, source));
    const kept = (change.attributes.details as { snmp: { varbinds: { value: string }[] } }).snmp.varbinds;
    expect(kept).toHaveLength(20);
    expect(Math.max(...kept.map((entry) => entry.value.length))).toBe(200);
  });
});
