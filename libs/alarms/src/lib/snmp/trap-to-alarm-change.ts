import type { OperatorCode } from '@netduty/contracts';
import type { AlarmAttributes, AlarmChange } from '../intake/alarm-change';
import { ALARM_INPUT_LIMITS } from '../tmf642/tmf642-input-rules';
import type { TrapMapping, TrapMappingTable } from './trap-mapping';

/** A received v2c/v3 notification, decoded: its snmpTrapOID.0 and its varbinds' values as text, in order. */
export interface ReceivedTrap {
  trapOid: string;
  varbinds: readonly { oid: string; value: string }[];
  version: 'v2c' | 'v3';
  /** The sender's address, kept in the alarm's details. */
  agentAddress: string;
  receivedAt: Date;
}

/** The NMS source a trap's community or USM user proved. */
export interface TrapSource {
  sourceSystemId: string;
  operatorCode: OperatorCode;
}

export type TrapOutcome =
  | { kind: 'mapped'; change: AlarmChange; mapping: TrapMapping }
  | { kind: 'unmapped'; trapOid: string }
  | { kind: 'invalid'; trapOid: string; reason: string };

/** Varbinds kept in details, and how much of each value: a trap is small, a hostile one need not be. */
const DETAILS_VARBINDS = 20;
const DETAILS_VALUE_LENGTH = 200;

/**
 * A varbind by its OID: the OID itself (sysName.0) or an instance under it (ifIndex.3 for ifIndex),
 * the first one in the trap's order.
 */
function varbind(trap: ReceivedTrap, oid: string): string | undefined {
  return trap.varbinds.find((entry) => entry.oid === oid || entry.oid.startsWith(`${oid}.`))?.value;
}

/**
 * A clear changes an alarm that is stored (kind 'update', so the raise time stays as raised); the
 * receiver sends it again as a 'create' when there is none, and the intake keeps it as a clear without
 * a raise — the same as a TMF642 POST of a cleared alarm.
 */
export function clearWithoutRaise(change: AlarmChange): AlarmChange {
  return { ...change, kind: 'create', attributes: { ...change.attributes, alarmRaisedTime: change.changedAt } };
}

/**
 * One trap → one alarm change, by the trap OID's mapping. The externalAlarmId is
 * `snmp:<alarmKey>:<site code>[:<key varbind>…]`, so a repeated trap is the same alarm and the clear
 * trap finds its raise. The site code is only read here; the intake resolves it (and refuses an unknown
 * one) exactly as for TMF642.
 */
export function trapToAlarmChange(trap: ReceivedTrap, mappings: TrapMappingTable, source: TrapSource): TrapOutcome {
  const mapping = mappings.get(trap.trapOid);
  if (!mapping) return { kind: 'unmapped', trapOid: trap.trapOid };
  const invalid = (reason: string): TrapOutcome => ({ kind: 'invalid', trapOid: trap.trapOid, reason });

  const siteCode = varbind(trap, mapping.siteCodeVarbind)?.trim();
  if (!siteCode) return invalid(`no site code in varbind ${mapping.siteCodeVarbind}`);
  if (siteCode.length > ALARM_INPUT_LIMITS.siteCodeMaxLength) return invalid('site code too long');
  const keyParts: string[] = [];
  for (const oid of mapping.alarmKeyVarbinds ?? []) {
    const value = varbind(trap, oid)?.trim();
    if (!value) return invalid(`no value in key varbind ${oid}`);
    keyParts.push(value);
  }
  const externalAlarmId = ['snmp', mapping.alarmKey, siteCode, ...keyParts].join(':');
  if (externalAlarmId.length > ALARM_INPUT_LIMITS.externalAlarmIdMaxLength) return invalid('externalAlarmId too long');

  const givenProblem = mapping.specificProblemVarbind ? varbind(trap, mapping.specificProblemVarbind)?.trim() : undefined;
  const specificProblem = givenProblem ? givenProblem.slice(0, ALARM_INPUT_LIMITS.specificProblemMaxLength) : mapping.specificProblem;
  const details = {
    snmp: {
      trapOid: trap.trapOid,
      trapName: mapping.name,
      version: trap.version,
      agentAddress: trap.agentAddress,
      varbinds: trap.varbinds.slice(0, DETAILS_VARBINDS).map((entry) => ({ oid: entry.oid, value: entry.value.slice(0, DETAILS_VALUE_LENGTH) })),
    },
  };
  const common = { siteCode, alarmType: mapping.alarmType, probableCause: mapping.probableCause, specificProblem, details };

  let attributes: AlarmAttributes;
  if (mapping.action === 'raise') {
    const given = mapping.severityVarbind ? varbind(trap, mapping.severityVarbind.oid)?.trim() : undefined;
    const perceivedSeverity = (given !== undefined ? mapping.severityVarbind?.values[given] : undefined) ?? mapping.perceivedSeverity;
    attributes = { ...common, state: 'raised', perceivedSeverity, alarmRaisedTime: trap.receivedAt, alarmClearedTime: null };
  } else {
    attributes = { ...common, state: 'cleared', perceivedSeverity: 'cleared', alarmClearedTime: trap.receivedAt };
  }
  return {
    kind: 'mapped',
    mapping,
    change: {
      kind: mapping.action === 'raise' ? 'create' : 'update',
      sourceSystemId: source.sourceSystemId,
      operatorCode: source.operatorCode,
      externalAlarmId,
      attributes,
      // A trap carries the agent's uptime, not a wall clock: the receiver's clock orders its changes.
      changedAt: trap.receivedAt,
    },
  };
}
