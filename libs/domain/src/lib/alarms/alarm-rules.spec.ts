import type { IncidentCategory, PerceivedSeverity, PriorityTier, Severity } from '@netduty/contracts';
import { incidentSeverityFor, matchAlarmRule, normaliseCause, specificProblemMatches, type AlarmFacts, type AlarmRule } from './alarm-rules';
import { DEFAULT_ALARM_RULES } from './default-alarm-rules';

function rule(id: string, position: number, fields: Partial<Omit<AlarmRule, 'id' | 'position'>> = {}): AlarmRule {
  return { id, position, probableCause: null, specificProblemPattern: null, alarmType: null, category: 'other', severity: null, resolveOnClear: true, ...fields };
}

function alarm(fields: Partial<AlarmFacts> = {}): AlarmFacts {
  return { alarmType: 'equipmentAlarm', probableCause: 'other', specificProblem: null, perceivedSeverity: 'major', ...fields };
}

const seededRules: AlarmRule[] = DEFAULT_ALARM_RULES.map((seeded, index) => ({ id: `rule-${index}`, ...seeded }));

describe('normaliseCause', () => {
  it('treats camel case, snake case and spaced capitals as one cause', () => {
    expect(normaliseCause('powerProblem')).toBe('powerproblem');
    expect(normaliseCause('power_problem')).toBe('powerproblem');
    expect(normaliseCause('POWER PROBLEM')).toBe('powerproblem');
    expect(normaliseCause(' Power-Problem ')).toBe('powerproblem');
  });

  it('keeps different causes apart', () => {
    expect(normaliseCause('powerProblem')).not.toBe(normaliseCause('lossOfSignal'));
  });
});

describe('specificProblemMatches', () => {
  it('ignores case, separators and Vietnamese accents', () => {
    expect(specificProblemMatches('DC low voltage', 'DC_LOW_VOLTAGE rack 2')).toBe(true);
    expect(specificProblemMatches('mất điện', 'MAT DIEN LUOI tram TQG0324')).toBe(true);
    expect(specificProblemMatches('dut cap quang', 'Đứt cáp quang tuyến LSN-01')).toBe(true);
  });

  it('splits camel case into words', () => {
    expect(specificProblemMatches('dc low voltage', 'DCLowVoltage')).toBe(true);
  });

  it('matches from the start of a word only, so LOS does not catch a closed door', () => {
    expect(specificProblemMatches('LOS', 'ETH_LOS port 1/1')).toBe(true);
    expect(specificProblemMatches('LOS', 'Cabinet door closed')).toBe(false);
  });
});

describe('matchAlarmRule', () => {
  it('tries rules by ascending position, whatever order they are listed in', () => {
    const rules = [rule('late', 20, { category: 'equipment' }), rule('early', 10, { probableCause: 'powerProblem', category: 'mains_failure' })];
    expect(matchAlarmRule(rules, alarm({ probableCause: 'power_problem' }))?.id).toBe('early');
    expect(matchAlarmRule(rules, alarm({ probableCause: 'lossOfSignal' }))?.id).toBe('late');
  });

  it('needs every set field to match', () => {
    const rules = [rule('both', 10, { probableCause: 'powerProblem', specificProblemPattern: 'rectifier' })];
    expect(matchAlarmRule(rules, alarm({ probableCause: 'powerProblem', specificProblem: 'Rectifier fault' }))?.id).toBe('both');
    expect(matchAlarmRule(rules, alarm({ probableCause: 'powerProblem', specificProblem: 'AC mains failure' }))).toBeNull();
    expect(matchAlarmRule(rules, alarm({ probableCause: 'powerProblem', specificProblem: null }))).toBeNull();
  });

  it('compares the alarm type ignoring separators', () => {
    const rules = [rule('security', 10, { alarmType: 'securityServiceOrMechanismViolation' })];
    expect(matchAlarmRule(rules, alarm({ alarmType: 'Security Service or Mechanism Violation' }))?.id).toBe('security');
    expect(matchAlarmRule(rules, alarm({ alarmType: 'communicationsAlarm' }))).toBeNull();
  });

  it('treats a blank field as matching anything', () => {
    expect(matchAlarmRule([rule('blank', 10, { probableCause: '  ', specificProblemPattern: '' })], alarm())?.id).toBe('blank');
  });

  it('breaks a tie in position by id, so the answer never depends on list order', () => {
    expect(matchAlarmRule([rule('b', 10), rule('a', 10)], alarm())?.id).toBe('a');
  });

  it('returns null when no rule matches', () => {
    expect(matchAlarmRule([rule('only', 10, { probableCause: 'congestion' })], alarm())).toBeNull();
    expect(matchAlarmRule([], alarm())).toBeNull();
  });
});

describe('DEFAULT_ALARM_RULES', () => {
  const cases: [string, Partial<AlarmFacts>, IncidentCategory][] = [
    ['AC mains failure', { probableCause: 'powerProblem', specificProblem: 'AC Mains Failure' }, 'mains_failure'],
    ['system on batteries', { probableCause: 'powerProblem', specificProblem: 'System on batteries' }, 'mains_failure'],
    ['a Vietnamese mains alarm', { specificProblem: 'Mất điện lưới' }, 'mains_failure'],
    ['a bare powerProblem', { probableCause: 'powerProblem' }, 'mains_failure'],
    ['DC low voltage', { probableCause: 'powerProblem', specificProblem: 'DC Low Voltage' }, 'low_battery'],
    ['battery low', { specificProblem: 'Battery low' }, 'low_battery'],
    ['battery high temperature', { probableCause: 'powerProblem', specificProblem: 'Battery high temperature' }, 'overheating'],
    ['temperatureUnacceptable', { alarmType: 'environmentalAlarm', probableCause: 'temperatureUnacceptable' }, 'overheating'],
    ['generator on', { specificProblem: 'Generator on' }, 'generator'],
    ['rectifier fault', { probableCause: 'powerProblem', specificProblem: 'Rectifier fault' }, 'equipment'],
    ['surge arrester fault', { specificProblem: 'Surge arrester fault' }, 'equipment'],
    ['lossOfSignal', { alarmType: 'communicationsAlarm', probableCause: 'lossOfSignal', specificProblem: 'ETH_LOS port 1/1' }, 'fibre_cut'],
    ['a LOS text', { specificProblem: 'LOS on GPON port 0/2/1' }, 'fibre_cut'],
    ['a radio link losing signal', { probableCause: 'lossOfSignal', specificProblem: 'Radio link down' }, 'microwave_transmission'],
    ['congestion', { alarmType: 'qualityOfServiceAlarm', probableCause: 'congestion' }, 'congestion'],
    ['door open', { alarmType: 'environmentalAlarm', specificProblem: 'Door open' }, 'vandalism_theft'],
    ['intrusion', { specificProblem: 'Intrusion alarm, shelter 1' }, 'vandalism_theft'],
    ['a security violation', { alarmType: 'securityServiceOrMechanismViolation', probableCause: 'authenticationFailure' }, 'cyber_security'],
    ['a door closing (not a fibre cut)', { specificProblem: 'Cabinet door closed' }, 'equipment'],
    ['anything else', { probableCause: 'processorProblem', specificProblem: 'Board offline' }, 'equipment'],
  ];

  it.each(cases)('files %s under the right category', (_name, facts, category) => {
    expect(matchAlarmRule(seededRules, alarm(facts))?.category).toBe(category);
  });

  it('makes a door open minor and keeps it open after the door closes', () => {
    const matched = matchAlarmRule(seededRules, alarm({ specificProblem: 'Door open', perceivedSeverity: 'critical' }));
    expect(matched).toMatchObject({ category: 'vandalism_theft', severity: 'minor', resolveOnClear: false });
  });

  it('resolves on clear for everything but theft and security', () => {
    for (const seeded of DEFAULT_ALARM_RULES) {
      expect(seeded.resolveOnClear).toBe(seeded.category !== 'vandalism_theft' && seeded.category !== 'cyber_security');
    }
  });

  it('has distinct ascending positions and ends with a catch-all', () => {
    const positions = DEFAULT_ALARM_RULES.map((seeded) => seeded.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
    expect(DEFAULT_ALARM_RULES[DEFAULT_ALARM_RULES.length - 1]).toMatchObject({ probableCause: null, specificProblemPattern: null, alarmType: null, category: 'equipment' });
  });
});

describe('incidentSeverityFor', () => {
  const cases: [PerceivedSeverity, PriorityTier, Severity | null, Severity | null][] = [
    ['major', 'P1', null, 'major'],
    ['major', 'P2', null, 'major'],
    ['warning', 'P2', null, 'warning'],
    ['critical', 'P0', null, 'critical'],
    ['major', 'P0', null, 'critical'],
    ['minor', 'P0', null, 'major'],
    ['warning', 'P0', null, 'minor'],
    ['indeterminate', 'P1', null, 'minor'],
    ['indeterminate', 'P0', null, 'major'],
    ['critical', 'P0', 'minor', 'minor'],
    ['warning', 'P2', 'critical', 'critical'],
    ['cleared', 'P0', null, null],
    ['cleared', 'P1', 'critical', null],
  ];

  it.each(cases)('maps %s at a %s site with override %s to %s', (perceived, tier, override, expected) => {
    expect(incidentSeverityFor(perceived, tier, override)).toBe(expected);
  });
});
