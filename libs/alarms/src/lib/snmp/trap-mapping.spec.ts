import { DEFAULT_TRAP_MAPPINGS } from './default-trap-mappings';
import { InvalidTrapMappingError, trapMappingTable, type TrapMapping } from './trap-mapping';

const raise: TrapMapping = {
  trapOid: '1.3.6.1.4.1.8072.9999.1.0.1',
  name: 'testRaise',
  action: 'raise',
  alarmKey: 'test',
  siteCodeVarbind: '1.3.6.1.4.1.8072.9999.1.1.1',
  alarmType: 'equipmentAlarm',
  probableCause: 'equipmentMalfunction',
  specificProblem: 'Test',
  perceivedSeverity: 'minor',
};
const clear: TrapMapping = { ...raise, trapOid: '1.3.6.1.4.1.8072.9999.1.0.2', name: 'testClear', action: 'clear' };

function problemsOf(mappings: TrapMapping[]): string[] {
  try {
    trapMappingTable(mappings);
  } catch (error) {
    if (error instanceof InvalidTrapMappingError) return error.problems;
    throw error;
  }
  return [];
}

describe('trapMappingTable', () => {
  it('accepts the shipped power-cabinet and link mappings, every trap OID once', () => {
    const table = trapMappingTable(DEFAULT_TRAP_MAPPINGS);
    expect(table.size).toBe(DEFAULT_TRAP_MAPPINGS.length);
    expect([...table.values()].map((mapping) => mapping.specificProblem)).toEqual(expect.arrayContaining(['AC mains failure', 'System on batteries', 'DC low voltage', 'Generator on', 'Link down']));
  });

  it('refuses an OID mapped twice', () => {
    expect(problemsOf([raise, { ...clear, trapOid: raise.trapOid }])).toEqual(expect.arrayContaining([expect.stringContaining('mapped twice')]));
  });

  it('refuses a clear whose fault has no raise', () => {
    expect(problemsOf([clear])).toEqual([expect.stringContaining('no raise trap')]);
  });

  it('refuses a raise and a clear that would read the site from different varbinds', () => {
    expect(problemsOf([raise, { ...clear, siteCodeVarbind: '1.3.6.1.2.1.1.5.0' }])).toEqual([expect.stringContaining('clear would miss its raise')]);
  });

  it('refuses malformed OIDs, severities and empty texts, listing each', () => {
    const problems = problemsOf([{ ...raise, trapOid: 'iso.3.6', perceivedSeverity: 'cleared' as never, probableCause: ' ', severityVarbind: { oid: 'x', values: { '1': 'cleared' as never } } }]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('trapOid is not a dotted OID'),
        expect.stringContaining('varbind x is not a dotted OID'),
        expect.stringContaining('probableCause'),
        expect.stringContaining('perceivedSeverity cleared'),
        expect.stringContaining('value 1 maps to cleared'),
      ]),
    );
  });
});
