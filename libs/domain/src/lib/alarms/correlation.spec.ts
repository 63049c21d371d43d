import fc from 'fast-check';
import { DEFAULT_CORRELATION_POLICY, correlate, siteDownCause, type CorrelationDecision, type OpenParent, type SiteDownObservation } from './correlation';

/** One alarm as an NMS delivered it: which site, when, and whether it speaks of power or of signal. */
interface RecordedAlarm {
  site: string;
  at: string;
  probableCause: 'powerProblem' | 'lossOfSignal';
}

interface Upstreams {
  feeder?: string;
  route?: string;
  node?: string;
}

const now = new Date('2026-12-10T08:00:00.000Z');
/** An instant `seconds` before now, as the NMS stamps it. */
const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();

/** Turns a recorded sequence into the observations the correlator sees: one per down site. */
function observe(recording: readonly RecordedAlarm[], inventory: Readonly<Record<string, Upstreams>>): SiteDownObservation[] {
  const sites = [...new Set(recording.map((alarm) => alarm.site))];
  const first = (site: string, cause: RecordedAlarm['probableCause']): Date | null => {
    const times = recording.filter((alarm) => alarm.site === site && alarm.probableCause === cause).map((alarm) => Date.parse(alarm.at));
    return times.length === 0 ? null : new Date(Math.min(...times));
  };
  return sites.map((site) => ({
    siteId: `site-${site}`,
    incidentId: `incident-${site}`,
    siteCode: site,
    powerFeeder: inventory[site]?.feeder ?? null,
    transmissionRoute: inventory[site]?.route ?? null,
    aggregationNode: inventory[site]?.node ?? null,
    firstPowerAlarmAt: first(site, 'powerProblem'),
    firstSignalAlarmAt: first(site, 'lossOfSignal'),
  }));
}

const policy = DEFAULT_CORRELATION_POLICY;

describe('siteDownCause', () => {
  const [base] = observe([{ site: 'LSN001', at: ago(0), probableCause: 'powerProblem' }], {}) as [SiteDownObservation];
  const at = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('blames power when the power alarm came first or at the same instant', () => {
    expect(siteDownCause({ ...base, firstPowerAlarmAt: at(60), firstSignalAlarmAt: at(30) })).toBe('power');
    expect(siteDownCause({ ...base, firstPowerAlarmAt: at(30), firstSignalAlarmAt: at(30) })).toBe('power');
    expect(siteDownCause({ ...base, firstPowerAlarmAt: at(30), firstSignalAlarmAt: null })).toBe('power');
  });

  it('blames signal when signal came strictly first or alone', () => {
    expect(siteDownCause({ ...base, firstPowerAlarmAt: at(30), firstSignalAlarmAt: at(60) })).toBe('signal');
    expect(siteDownCause({ ...base, firstPowerAlarmAt: null, firstSignalAlarmAt: at(60) })).toBe('signal');
  });

  it('has no cause without alarms', () => {
    expect(siteDownCause({ ...base, firstPowerAlarmAt: null, firstSignalAlarmAt: null })).toBeNull();
  });
});

describe('correlate', () => {
  it('files a feeder storm under one feeder parent, even though the links dropped after the power', () => {
    const recording: RecordedAlarm[] = [
      { site: 'LSN101', at: ago(90), probableCause: 'powerProblem' },
      { site: 'LSN102', at: ago(88), probableCause: 'powerProblem' },
      { site: 'LSN103', at: ago(85), probableCause: 'powerProblem' },
      { site: 'LSN101', at: ago(40), probableCause: 'lossOfSignal' },
      { site: 'LSN102', at: ago(35), probableCause: 'lossOfSignal' },
      { site: 'LSN103', at: ago(30), probableCause: 'lossOfSignal' },
    ];
    const inventory = { LSN101: { feeder: 'E13.1-471', route: 'R-LSN-01' }, LSN102: { feeder: 'E13.1-471', route: 'R-LSN-01' }, LSN103: { feeder: 'E13.1-471', route: 'R-LSN-01' } };
    expect(correlate(observe(recording, inventory), [], now, policy)).toEqual([
      { type: 'open_parent', kind: 'power_feeder', key: 'E13.1-471', childIncidentIds: ['incident-LSN101', 'incident-LSN102', 'incident-LSN103'] },
    ]);
  });

  it('files a fibre cut under one route parent when the sites are on different feeders', () => {
    const recording: RecordedAlarm[] = ['NAN201', 'NAN202', 'NAN203', 'NAN204'].map((site, index) => ({ site, at: ago(60 - index * 5), probableCause: 'lossOfSignal' }));
    const inventory = {
      NAN201: { feeder: 'F1', route: 'R-NAN-07', node: 'NAN-AGG-01' },
      NAN202: { feeder: 'F2', route: 'R-NAN-07', node: 'NAN-AGG-01' },
      NAN203: { feeder: 'F3', route: 'R-NAN-07', node: 'NAN-AGG-01' },
      NAN204: { feeder: 'F4', route: 'R-NAN-07', node: 'NAN-AGG-01' },
    };
    expect(correlate(observe(recording, inventory), [], now, policy)).toEqual([
      { type: 'open_parent', kind: 'transmission_route', key: 'R-NAN-07', childIncidentIds: ['incident-NAN201', 'incident-NAN202', 'incident-NAN203', 'incident-NAN204'] },
    ]);
  });

  it('opens two parents when two feeders fail at once', () => {
    const sites = { A1: 'F-NORTH', A2: 'F-NORTH', A3: 'F-NORTH', B1: 'F-SOUTH', B2: 'F-SOUTH', B3: 'F-SOUTH' };
    const recording: RecordedAlarm[] = Object.keys(sites).map((site) => ({ site, at: ago(30), probableCause: 'powerProblem' }));
    const inventory = Object.fromEntries(Object.entries(sites).map(([site, feeder]) => [site, { feeder }]));
    const decisions = correlate(observe(recording, inventory), [], now, policy);
    expect(decisions).toEqual([
      { type: 'open_parent', kind: 'power_feeder', key: 'F-NORTH', childIncidentIds: ['incident-A1', 'incident-A2', 'incident-A3'] },
      { type: 'open_parent', kind: 'power_feeder', key: 'F-SOUTH', childIncidentIds: ['incident-B1', 'incident-B2', 'incident-B3'] },
    ]);
  });

  it('blames the aggregation node when its own site is down, and files the node site under it', () => {
    const recording: RecordedAlarm[] = [
      { site: 'LSN-AGG-02', at: ago(100), probableCause: 'powerProblem' },
      { site: 'LSN301', at: ago(50), probableCause: 'lossOfSignal' },
      { site: 'LSN302', at: ago(50), probableCause: 'lossOfSignal' },
      { site: 'LSN303', at: ago(49), probableCause: 'lossOfSignal' },
    ];
    const inventory = {
      'LSN-AGG-02': { feeder: 'F-HUB', route: 'R-CORE' },
      LSN301: { feeder: 'F1', route: 'R-LSN-03', node: 'LSN-AGG-02' },
      LSN302: { feeder: 'F2', route: 'R-LSN-03', node: 'LSN-AGG-02' },
      LSN303: { feeder: 'F3', route: 'R-LSN-03', node: 'LSN-AGG-02' },
    };
    expect(correlate(observe(recording, inventory), [], now, policy)).toEqual([
      { type: 'open_parent', kind: 'aggregation_node', key: 'LSN-AGG-02', childIncidentIds: ['incident-LSN-AGG-02', 'incident-LSN301', 'incident-LSN302', 'incident-LSN303'] },
    ]);
  });

  it('blames the aggregation node when the dark sites behind it sit on more than one route', () => {
    const recording: RecordedAlarm[] = ['S1', 'S2', 'S3', 'S4'].map((site) => ({ site, at: ago(20), probableCause: 'lossOfSignal' }));
    const inventory = { S1: { route: 'R-A', node: 'HUB-9' }, S2: { route: 'R-A', node: 'HUB-9' }, S3: { route: 'R-B', node: 'HUB-9' }, S4: { route: 'R-B', node: 'HUB-9' } };
    expect(correlate(observe(recording, inventory), [], now, policy)).toEqual([
      { type: 'open_parent', kind: 'aggregation_node', key: 'HUB-9', childIncidentIds: ['incident-S1', 'incident-S2', 'incident-S3', 'incident-S4'] },
    ]);
  });

  it('keeps a route parent when that route also reaches another node', () => {
    const recording: RecordedAlarm[] = ['S1', 'S2', 'S3', 'S4'].map((site) => ({ site, at: ago(20), probableCause: 'lossOfSignal' }));
    const inventory = { 'HUB-9': {}, S1: { route: 'R-A', node: 'HUB-9' }, S2: { route: 'R-A', node: 'HUB-9' }, S3: { route: 'R-A', node: 'HUB-9' }, S4: { route: 'R-A', node: 'HUB-7' } };
    const observations = [...observe(recording, inventory), ...observe([{ site: 'HUB-9', at: ago(30), probableCause: 'lossOfSignal' }], inventory)];
    expect(correlate(observations, [], now, policy)).toEqual([
      { type: 'open_parent', kind: 'transmission_route', key: 'R-A', childIncidentIds: ['incident-S1', 'incident-S2', 'incident-S3', 'incident-S4'] },
    ]);
  });

  it('attaches a late child to the parent already open for its feeder, outside the window', () => {
    const recording: RecordedAlarm[] = [{ site: 'LSN104', at: ago(45 * 60), probableCause: 'powerProblem' }];
    const parents: OpenParent[] = [{ incidentId: 'parent-feeder', kind: 'power_feeder', key: 'E13.1-471' }];
    expect(correlate(observe(recording, { LSN104: { feeder: 'E13.1-471' } }), parents, now, policy)).toEqual([
      { type: 'attach', parentIncidentId: 'parent-feeder', childIncidentIds: ['incident-LSN104'] },
    ]);
  });

  it('does not attach a power-down site to a parent for its fibre route', () => {
    const recording: RecordedAlarm[] = [{ site: 'LSN104', at: ago(30), probableCause: 'powerProblem' }];
    const parents: OpenParent[] = [{ incidentId: 'parent-route', kind: 'transmission_route', key: 'R-LSN-01' }];
    expect(correlate(observe(recording, { LSN104: { feeder: 'F9', route: 'R-LSN-01' } }), parents, now, policy)).toEqual([]);
  });

  it('opens nothing below the minimum number of sites', () => {
    const recording: RecordedAlarm[] = ['A1', 'A2'].map((site) => ({ site, at: ago(10), probableCause: 'powerProblem' }));
    expect(correlate(observe(recording, { A1: { feeder: 'F1' }, A2: { feeder: 'F1' } }), [], now, policy)).toEqual([]);
  });

  it('counts sites, not incidents, toward the minimum', () => {
    const [first] = observe([{ site: 'A1', at: ago(10), probableCause: 'powerProblem' }], { A1: { feeder: 'F1' } }) as [SiteDownObservation];
    const twice = [first, { ...first, incidentId: 'incident-A1-second' }, ...observe([{ site: 'A2', at: ago(10), probableCause: 'powerProblem' }], { A2: { feeder: 'F1' } })];
    expect(correlate(twice, [], now, policy)).toEqual([]);
  });

  it('opens nothing for alarms older than the window', () => {
    const recording: RecordedAlarm[] = ['A1', 'A2', 'A3'].map((site) => ({ site, at: ago(10 * 60), probableCause: 'powerProblem' }));
    const inventory = { A1: { feeder: 'F1' }, A2: { feeder: 'F1' }, A3: { feeder: 'F1' } };
    expect(correlate(observe(recording, inventory), [], now, policy)).toEqual([]);
    expect(correlate(observe(recording, inventory), [], now, { windowSeconds: 15 * 60, minimumSites: 3 })).toHaveLength(1);
  });

  it('counts alarms stamped a little ahead of our clock (an NMS clock running fast) as inside the window', () => {
    const recording: RecordedAlarm[] = ['A1', 'A2', 'A3'].map((site) => ({ site, at: ago(-8), probableCause: 'powerProblem' }));
    const inventory = { A1: { feeder: 'F1' }, A2: { feeder: 'F1' }, A3: { feeder: 'F1' } };
    expect(correlate(observe(recording, inventory), [], now, policy)).toEqual([
      { type: 'open_parent', kind: 'power_feeder', key: 'F1', childIncidentIds: ['incident-A1', 'incident-A2', 'incident-A3'] },
    ]);
  });

  it('leaves a site without a known upstream alone', () => {
    const recording: RecordedAlarm[] = ['A1', 'A2', 'A3', 'X1', 'X2'].map((site) => ({ site, at: ago(10), probableCause: 'powerProblem' }));
    const inventory = { A1: { feeder: 'F1' }, A2: { feeder: 'F1' }, A3: { feeder: 'F1' }, X2: { feeder: '  ' } };
    expect(correlate(observe(recording, inventory), [{ incidentId: 'parent-blank', kind: 'power_feeder', key: '' }], now, policy)).toEqual([
      { type: 'open_parent', kind: 'power_feeder', key: 'F1', childIncidentIds: ['incident-A1', 'incident-A2', 'incident-A3'] },
    ]);
  });

  it('gives the same decisions whatever order the observations arrive in', () => {
    const recording: RecordedAlarm[] = ['C3', 'A1', 'B2', 'A2', 'C1', 'B1', 'A3', 'C2', 'B3'].map((site) => ({ site, at: ago(15), probableCause: 'powerProblem' }));
    const inventory = Object.fromEntries(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'].map((site) => [site, { feeder: `F-${site[0]}` }]));
    const observations = observe(recording, inventory);
    expect(correlate([...observations].reverse(), [], now, policy)).toEqual(correlate(observations, [], now, policy));
    expect(correlate(observations, [], now, policy).map((decision) => decision.type === 'open_parent' && decision.key)).toEqual(['F-A', 'F-B', 'F-C']);
  });

  it('refuses a policy it cannot apply', () => {
    expect(() => correlate([], [], now, { windowSeconds: 120, minimumSites: 0 })).toThrow(RangeError);
    expect(() => correlate([], [], now, { windowSeconds: Number.NaN, minimumSites: 3 })).toThrow(RangeError);
  });

  it('files each incident at most once, and opens a parent only with enough sites (property)', () => {
    const code = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'HUB-1', 'HUB-2');
    const upstream = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
    const alarmAt = fc.option(fc.integer({ min: -300, max: 300 }), { nil: null });
    const observation = fc.record({ code, feeder: upstream(['F1', 'F2']), route: upstream(['R1', 'R2']), node: upstream(['HUB-1', 'HUB-2']), power: alarmAt, signal: alarmAt });
    const parent = fc.record({ kind: fc.constantFrom('power_feeder' as const, 'transmission_route' as const, 'aggregation_node' as const), key: fc.constantFrom('F1', 'R2', 'HUB-1') });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 14 }), fc.array(parent, { maxLength: 2 }), (drawn, drawnParents) => {
        const observations: SiteDownObservation[] = drawn.map((item, index) => ({
          siteId: `site-${item.code}`,
          incidentId: `incident-${index}`,
          siteCode: item.code,
          powerFeeder: item.feeder ?? null,
          transmissionRoute: item.route ?? null,
          aggregationNode: item.node ?? null,
          firstPowerAlarmAt: item.power === null ? null : new Date(now.getTime() - item.power * 1000),
          firstSignalAlarmAt: item.signal === null ? null : new Date(now.getTime() - item.signal * 1000),
        }));
        const parents = drawnParents.map((item, index) => ({ ...item, incidentId: `parent-${index}` }));
        const decisions: CorrelationDecision[] = correlate(observations, parents, now, policy);
        const children = decisions.flatMap((decision) => decision.childIncidentIds);
        expect(new Set(children).size).toBe(children.length);
        for (const decision of decisions) {
          expect(decision.childIncidentIds).toEqual([...decision.childIncidentIds].sort());
          if (decision.type === 'open_parent') {
            const sites = new Set(observations.filter((item) => decision.childIncidentIds.includes(item.incidentId)).map((item) => item.siteId));
            expect(sites.size).toBeGreaterThanOrEqual(policy.minimumSites);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
