import { PERCEIVED_SEVERITIES, type PerceivedSeverity } from '@netduty/contracts';
import { ALARM_INPUT_LIMITS } from '../tmf642/tmf642-input-rules';

/** A raise trap gives one of these (a clear is always 'cleared'). */
export type RaisedSeverity = Exclude<PerceivedSeverity, 'cleared'>;

/**
 * How one trap OID becomes an alarm change. A fault's raise trap and its clear trap share `alarmKey`,
 * `siteCodeVarbind` and `alarmKeyVarbinds`: together with the site code they make the externalAlarmId,
 * so the clear finds the alarm the raise made, and a repeated trap is the same alarm.
 */
export interface TrapMapping {
  /** The trap's snmpTrapOID.0, dotted numbers. */
  trapOid: string;
  /** The MIB's name of the trap, kept in the alarm's details. */
  name: string;
  action: 'raise' | 'clear';
  /** The fault this trap raises or clears ('acMainsFailure'). */
  alarmKey: string;
  /** The varbind that holds the site's code (alarmedObject.id). */
  siteCodeVarbind: string;
  /** Varbinds that tell several faults of one kind at one site apart (an interface index). */
  alarmKeyVarbinds?: readonly string[];
  alarmType: string;
  probableCause: string;
  specificProblem: string;
  /** When present in the trap, its text is the specificProblem instead. */
  specificProblemVarbind?: string;
  /** The severity of a raise, unless severityVarbind gives one. */
  perceivedSeverity: RaisedSeverity;
  /** A varbind whose value (as text: an INTEGER's number) maps to the severity. */
  severityVarbind?: { oid: string; values: Readonly<Record<string, RaisedSeverity>> };
}

/** The mappings by trap OID, as validated at start-up. */
export type TrapMappingTable = ReadonlyMap<string, TrapMapping>;

const OID = /^\d+(\.\d+)+$/;
const RAISED_SEVERITIES: readonly string[] = PERCEIVED_SEVERITIES.filter((severity) => severity !== 'cleared');

export class InvalidTrapMappingError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid SNMP trap mapping:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidTrapMappingError';
  }
}

function checkOne(mapping: TrapMapping, problems: string[]): void {
  const at = `${mapping.name || '(no name)'} (${mapping.trapOid})`;
  if (!OID.test(mapping.trapOid)) problems.push(`${at}: trapOid is not a dotted OID`);
  if (mapping.name.trim() === '') problems.push(`${at}: name is empty`);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(mapping.alarmKey)) problems.push(`${at}: alarmKey must be 1-64 letters, digits, . _ -`);
  for (const oid of [mapping.siteCodeVarbind, ...(mapping.alarmKeyVarbinds ?? []), ...(mapping.specificProblemVarbind ? [mapping.specificProblemVarbind] : []), ...(mapping.severityVarbind ? [mapping.severityVarbind.oid] : [])]) {
    if (!OID.test(oid)) problems.push(`${at}: varbind ${oid} is not a dotted OID`);
  }
  for (const [field, value] of [
    ['alarmType', mapping.alarmType],
    ['probableCause', mapping.probableCause],
  ] as const) {
    if (value.trim() === '' || value.length > ALARM_INPUT_LIMITS.shortTextMaxLength) problems.push(`${at}: ${field} must be 1-${ALARM_INPUT_LIMITS.shortTextMaxLength} characters`);
  }
  if (mapping.specificProblem.trim() === '' || mapping.specificProblem.length > ALARM_INPUT_LIMITS.specificProblemMaxLength) problems.push(`${at}: specificProblem is empty or too long`);
  if (!RAISED_SEVERITIES.includes(mapping.perceivedSeverity)) problems.push(`${at}: perceivedSeverity ${mapping.perceivedSeverity} is not a raise's severity`);
  for (const [value, severity] of Object.entries(mapping.severityVarbind?.values ?? {})) {
    if (!RAISED_SEVERITIES.includes(severity)) problems.push(`${at}: severityVarbind value ${value} maps to ${severity}, not a raise's severity`);
  }
}

/** The varbinds that name one fault: a raise and its clear must agree on them. */
function identity(mapping: TrapMapping): string {
  return JSON.stringify([mapping.siteCodeVarbind, mapping.alarmKeyVarbinds ?? []]);
}

/**
 * Checks the mappings once, at start-up, and indexes them by trap OID: an OID mapped twice, a bad OID
 * or severity, a fault with a clear but no raise, or a raise and clear that would name the alarm
 * differently stop the api with the list of problems.
 */
export function trapMappingTable(mappings: readonly TrapMapping[]): TrapMappingTable {
  const problems: string[] = [];
  const table = new Map<string, TrapMapping>();
  const faults = new Map<string, TrapMapping[]>();
  for (const mapping of mappings) {
    checkOne(mapping, problems);
    if (table.has(mapping.trapOid)) problems.push(`${mapping.trapOid} is mapped twice`);
    table.set(mapping.trapOid, mapping);
    faults.set(mapping.alarmKey, [...(faults.get(mapping.alarmKey) ?? []), mapping]);
  }
  for (const [alarmKey, group] of faults) {
    if (!group.some((mapping) => mapping.action === 'raise')) problems.push(`alarmKey ${alarmKey} has a clear trap but no raise trap`);
    if (new Set(group.map(identity)).size > 1) problems.push(`alarmKey ${alarmKey}: its traps take the site or the key from different varbinds, so a clear would miss its raise`);
  }
  if (problems.length > 0) throw new InvalidTrapMappingError(problems);
  return table;
}
