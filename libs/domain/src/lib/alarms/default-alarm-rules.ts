import type { IncidentCategory, Severity } from '@netduty/contracts';
import type { AlarmRule } from './alarm-rules';

type SeedMatch = Partial<Pick<AlarmRule, 'probableCause' | 'specificProblemPattern' | 'alarmType'>>;

function seed(category: IncidentCategory, match: SeedMatch, options: { severity?: Severity; resolveOnClear?: boolean } = {}): Omit<AlarmRule, 'id' | 'position'> {
  return {
    probableCause: match.probableCause ?? null,
    specificProblemPattern: match.specificProblemPattern ?? null,
    alarmType: match.alarmType ?? null,
    category,
    severity: options.severity ?? null,
    resolveOnClear: options.resolveOnClear ?? true,
  };
}

/** A clear proves nothing for these: someone has to look before the incident is over. */
const NEEDS_A_LOOK = { resolveOnClear: false } as const;
const PHYSICAL_ACCESS = { severity: 'minor', resolveOnClear: false } as const;

/**
 * The order is the point: the first match wins, so the specific comes before the general.
 * - Physical access and security first: they carry their own severity and never resolve on a clear.
 * - 'System on batteries' is a mains failure, so it precedes the battery words.
 * - 'Battery high temperature' is heat, so overheating precedes the battery words.
 * - Rectifier and surge arrester faults often arrive as powerProblem, so they precede the generic
 *   powerProblem rule, as do low battery and generator alarms.
 * - A radio link's lossOfSignal is microwave, so microwave precedes the fibre rule.
 * Vietnamese words are folded (mất điện → 'mat dien'); matching is accent-insensitive either way.
 */
const ORDERED_SEEDS: readonly Omit<AlarmRule, 'id' | 'position'>[] = [
  seed('vandalism_theft', { specificProblemPattern: 'door open' }, PHYSICAL_ACCESS),
  seed('vandalism_theft', { probableCause: 'enclosureDoorOpen' }, PHYSICAL_ACCESS),
  seed('vandalism_theft', { specificProblemPattern: 'intrusion' }, PHYSICAL_ACCESS),
  seed('vandalism_theft', { probableCause: 'intrusionDetection' }, PHYSICAL_ACCESS),
  seed('vandalism_theft', { probableCause: 'cableTamper' }, NEEDS_A_LOOK),
  seed('cyber_security', { alarmType: 'securityServiceOrMechanismViolation' }, NEEDS_A_LOOK),
  seed('cyber_security', { alarmType: 'integrityViolation' }, NEEDS_A_LOOK),
  seed('cyber_security', { probableCause: 'denialOfService' }, NEEDS_A_LOOK),
  seed('mains_failure', { specificProblemPattern: 'on batter' }),
  seed('mains_failure', { probableCause: 'commercialPowerFailure' }),
  seed('mains_failure', { probableCause: 'mainsBreakdownWithBatteryBackUp' }),
  seed('mains_failure', { probableCause: 'mainsBreakdownWithoutBatteryBackUp' }),
  seed('mains_failure', { specificProblemPattern: 'mains' }),
  seed('mains_failure', { specificProblemPattern: 'ac fail' }),
  seed('mains_failure', { specificProblemPattern: 'loss of power' }),
  seed('mains_failure', { specificProblemPattern: 'mat dien' }),
  seed('overheating', { specificProblemPattern: 'high temperature' }),
  seed('overheating', { specificProblemPattern: 'over temperature' }),
  seed('overheating', { specificProblemPattern: 'overheat' }),
  seed('overheating', { specificProblemPattern: 'air condition' }),
  seed('overheating', { probableCause: 'temperatureUnacceptable' }),
  seed('overheating', { probableCause: 'heatingOrVentilationOrCoolingSystemProblem' }),
  seed('equipment', { specificProblemPattern: 'rectifier' }),
  seed('equipment', { probableCause: 'rectifierFailure' }),
  seed('equipment', { specificProblemPattern: 'surge arrester' }),
  seed('low_battery', { specificProblemPattern: 'dc low voltage' }),
  seed('low_battery', { specificProblemPattern: 'battery' }),
  seed('low_battery', { specificProblemPattern: 'ac quy' }),
  seed('low_battery', { probableCause: 'lowBatteryThreshold' }),
  seed('low_battery', { probableCause: 'batteryDischarging' }),
  seed('low_battery', { probableCause: 'batteryFailure' }),
  seed('generator', { specificProblemPattern: 'generator' }),
  seed('generator', { specificProblemPattern: 'genset' }),
  seed('generator', { specificProblemPattern: 'may phat' }),
  seed('generator', { specificProblemPattern: 'may no' }),
  seed('generator', { probableCause: 'generatorFailure' }),
  seed('flooding_tower_damage', { probableCause: 'floodDetected' }),
  seed('flooding_tower_damage', { specificProblemPattern: 'flood' }),
  seed('mains_failure', { probableCause: 'powerProblem' }),
  seed('mains_failure', { probableCause: 'powerSupplyFailure' }),
  seed('microwave_transmission', { specificProblemPattern: 'microwave' }),
  seed('microwave_transmission', { specificProblemPattern: 'radio link' }),
  seed('microwave_transmission', { specificProblemPattern: 'viba' }),
  seed('microwave_transmission', { probableCause: 'transmissionError' }),
  seed('fibre_cut', { probableCause: 'lossOfSignal' }),
  seed('fibre_cut', { probableCause: 'lossOfFrame' }),
  seed('fibre_cut', { specificProblemPattern: 'LOS' }),
  seed('fibre_cut', { specificProblemPattern: 'fibre' }),
  seed('fibre_cut', { specificProblemPattern: 'fiber' }),
  seed('fibre_cut', { specificProblemPattern: 'cap quang' }),
  seed('congestion', { probableCause: 'congestion' }),
  seed('congestion', { specificProblemPattern: 'congestion' }),
  seed('congestion', { specificProblemPattern: 'nghen' }),
  seed('equipment', { probableCause: 'equipmentMalfunction' }),
  seed('equipment', {}),
];

/**
 * The rules a new installation starts with, from the power-cabinet alarms and X.733 / 3GPP TS 32.111-2
 * probable causes seen at the clusters. Positions step by 10 so an administrator can slot a rule between
 * two without renumbering; the last rule catches everything else as an equipment fault.
 */
export const DEFAULT_ALARM_RULES: readonly Omit<AlarmRule, 'id'>[] = ORDERED_SEEDS.map((rule, index) => ({ position: (index + 1) * 10, ...rule }));
