import type { RaisedSeverity, TrapMapping } from './trap-mapping';

/**
 * A generic power-cabinet MIB, NETDUTY-POWER-CABINET-MIB, under net-snmp's playpen arc
 * (netSnmpPlaypen, 1.3.6.1.4.1.8072.9999, meant for exactly this: objects no vendor owns). Cabinets
 * whose MIB differs are mapped by adding their OIDs here; the texts match the default alarm rules, so
 * these alarms land in mains_failure, low_battery and generator and drive the battery countdown.
 */
export const POWER_CABINET_MIB = {
  traps: '1.3.6.1.4.1.8072.9999.642.0',
  /** pcSiteCode: OCTET STRING, the site's code as NetDuty's inventory knows it. */
  siteCode: '1.3.6.1.4.1.8072.9999.642.1.1',
  /** pcAlarmSeverity: INTEGER { critical(1), major(2), minor(3), warning(4) }. */
  severity: '1.3.6.1.4.1.8072.9999.642.1.2',
  /** pcAlarmText: OCTET STRING, the cabinet's own wording (kept as the specificProblem when sent). */
  text: '1.3.6.1.4.1.8072.9999.642.1.3',
} as const;

/** IF-MIB's linkDown / linkUp (SNMPv2-MIB snmpTraps) with the element's sysName.0 as the site code. */
export const LINK_TRAPS = {
  linkDown: '1.3.6.1.6.3.1.1.5.3',
  linkUp: '1.3.6.1.6.3.1.1.5.4',
  /** ifIndex: the instance varbind (ifIndex.N) sets one interface's alarm apart from another's. */
  ifIndex: '1.3.6.1.2.1.2.2.1.1',
  sysName: '1.3.6.1.2.1.1.5.0',
} as const;

const SEVERITY_VALUES: Readonly<Record<string, RaisedSeverity>> = { '1': 'critical', '2': 'major', '3': 'minor', '4': 'warning' };

interface CabinetFault {
  alarmKey: string;
  raise: [number, string];
  clear: [number, string];
  probableCause: string;
  specificProblem: string;
  perceivedSeverity: RaisedSeverity;
}

function cabinetTraps(fault: CabinetFault): TrapMapping[] {
  const common = {
    alarmKey: fault.alarmKey,
    siteCodeVarbind: POWER_CABINET_MIB.siteCode,
    alarmType: 'environmentalAlarm',
    probableCause: fault.probableCause,
    specificProblem: fault.specificProblem,
    perceivedSeverity: fault.perceivedSeverity,
    severityVarbind: { oid: POWER_CABINET_MIB.severity, values: SEVERITY_VALUES },
  };
  return [
    { ...common, trapOid: `${POWER_CABINET_MIB.traps}.${fault.raise[0]}`, name: fault.raise[1], action: 'raise' },
    { ...common, trapOid: `${POWER_CABINET_MIB.traps}.${fault.clear[0]}`, name: fault.clear[1], action: 'clear' },
  ];
}

/** The mappings the lib ships with, validated by trapMappingTable when the receiver starts. */
export const DEFAULT_TRAP_MAPPINGS: readonly TrapMapping[] = [
  ...cabinetTraps({ alarmKey: 'acMainsFailure', raise: [1, 'pcAcMainsFailure'], clear: [2, 'pcAcMainsRestored'], probableCause: 'commercialPowerFailure', specificProblem: 'AC mains failure', perceivedSeverity: 'major' }),
  ...cabinetTraps({ alarmKey: 'onBatteries', raise: [3, 'pcOnBatteries'], clear: [4, 'pcOffBatteries'], probableCause: 'powerProblem', specificProblem: 'System on batteries', perceivedSeverity: 'major' }),
  ...cabinetTraps({ alarmKey: 'dcLowVoltage', raise: [5, 'pcDcLowVoltage'], clear: [6, 'pcDcVoltageNormal'], probableCause: 'lowBatteryThreshold', specificProblem: 'DC low voltage', perceivedSeverity: 'critical' }),
  ...cabinetTraps({ alarmKey: 'generatorOn', raise: [7, 'pcGeneratorOn'], clear: [8, 'pcGeneratorOff'], probableCause: 'powerProblem', specificProblem: 'Generator on', perceivedSeverity: 'minor' }),
  ...(['linkDown', 'linkUp'] as const).map(
    (name): TrapMapping => ({
      trapOid: LINK_TRAPS[name],
      name,
      action: name === 'linkDown' ? 'raise' : 'clear',
      alarmKey: 'linkDown',
      siteCodeVarbind: LINK_TRAPS.sysName,
      alarmKeyVarbinds: [LINK_TRAPS.ifIndex],
      alarmType: 'communicationsAlarm',
      probableCause: 'lossOfSignal',
      specificProblem: 'Link down',
      perceivedSeverity: 'major',
    }),
  ),
];
