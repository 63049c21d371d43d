import type { CommuneRefDto, NetworkSafetyDto, PrioritySiteDto, SiteStateTally } from '@netduty/contracts';
import { boardLink, communesWithSitesDown, summariseSafety } from './safety-summary';

function tally(key: string, counts: Partial<SiteStateTally> = {}): SiteStateTally {
  return { key, label: key, total: 10, inService: 10, degraded: 0, down: 0, onBattery: 0, onGenerator: 0, offAir: 0, ...counts };
}

function p0Site(code: string, state: PrioritySiteDto['state']): PrioritySiteDto {
  return {
    id: `id-${code}`,
    code,
    name: `Trạm ${code}`,
    operatorCode: 'viettel',
    kind: 'bts',
    communeCode: '06079',
    communeName: 'Phường Đông Kinh',
    priority: 'P0',
    state,
    downKind: state === 'down' ? 'on_battery' : null,
    stateSince: state === 'in_service' ? null : '2026-11-22T01:00:00Z',
    eventP0: true,
  };
}

const TRANG_DINH: CommuneRefDto = { code: '06320', name: 'Xã Tràng Định', formerDistrict: 'Tràng Định' };
const QUOC_KHANH: CommuneRefDto = { code: '06325', name: 'Xã Quốc Khánh', formerDistrict: 'Tràng Định' };

/** A quiet province: every site in service, every commune with signal. */
function safety(patch: Partial<NetworkSafetyDto> = {}): NetworkSafetyDto {
  return {
    at: '2026-11-22T02:15:00Z',
    sites: tally('all', { total: 640, inService: 640 }),
    byOperator: [tally('viettel'), tally('vnpt')],
    byKind: [tally('bts')],
    byCommune: [tally('06079'), tally('06320')],
    p0Sites: [p0Site('LSN0001-11', 'in_service'), p0Site('LSN0002-11', 'in_service')],
    openBySeverity: { critical: 0, major: 2, minor: 1, warning: 0 },
    openTotal: 3,
    breachedNow: { acknowledge: 0, restore: 0 },
    eventPeriods: [],
    coverage: {
      communesWithBts: 65,
      communesWithSignal: 65,
      percentWithSignal: 100,
      byOperator: [
        { operatorCode: 'viettel', operatorName: 'Viettel', communesWithBts: 65, communes: [] },
        { operatorCode: 'vnpt', operatorName: 'VNPT', communesWithBts: 60, communes: [] },
      ],
      withoutAnyService: [],
      peopleAffected: null,
      populationNote: 'population_not_shipped',
    },
    ...patch,
  };
}

describe('summariseSafety', () => {
  it('says communications are uninterrupted when every commune has signal and every P0 site is up', () => {
    const summary = summariseSafety(safety({ sites: tally('all', { total: 640, inService: 630, down: 10, onBattery: 10 }) }));
    expect(summary.state).toBe('uninterrupted');
    expect(summary.sites).toMatchObject({ inService: 630, down: 10, percentInService: 98.4, tone: 'warn' });
    expect(summary.coverage).toMatchObject({ communesAffected: 0, tone: 'ok' });
  });

  it('says locally affected when an operator has lost every BTS of a commune, and names the operator', () => {
    const base = safety();
    const summary = summariseSafety(
      safety({ coverage: { ...base.coverage, byOperator: [{ operatorCode: 'vnpt', operatorName: 'VNPT', communesWithBts: 60, communes: [TRANG_DINH] }] } }),
    );
    expect(summary.state).toBe('affected');
    expect(summary.coverage.operatorLosses).toEqual([{ operatorCode: 'vnpt', operatorName: 'VNPT', communes: [TRANG_DINH] }]);
    expect(summary.coverage.tone).toBe('warn');
  });

  it('says disrupted when a commune has no signal at all, counting each affected commune once', () => {
    const base = safety();
    const summary = summariseSafety(
      safety({
        coverage: {
          ...base.coverage,
          communesWithSignal: 63,
          percentWithSignal: 96.9,
          withoutAnyService: [TRANG_DINH, QUOC_KHANH],
          byOperator: [
            { operatorCode: 'viettel', operatorName: 'Viettel', communesWithBts: 65, communes: [TRANG_DINH, QUOC_KHANH] },
            { operatorCode: 'vnpt', operatorName: 'VNPT', communesWithBts: 60, communes: [TRANG_DINH] },
          ],
        },
      }),
    );
    expect(summary.state).toBe('disrupted');
    expect(summary.coverage).toMatchObject({ communesAffected: 2, percentWithSignal: 96.9, tone: 'alarm' });
  });

  it('says disrupted when a P0 site is down, and lists the P0 sites not in service', () => {
    const summary = summariseSafety(safety({ p0Sites: [p0Site('LSN0001-11', 'down'), p0Site('LSN0002-11', 'degraded'), p0Site('LSN0003-11', 'in_service')] }));
    expect(summary.state).toBe('disrupted');
    expect(summary.p0).toMatchObject({ total: 3, down: 1, degraded: 1, tone: 'alarm' });
    expect(summary.p0.notInService.map((site) => site.code)).toEqual(['LSN0001-11', 'LSN0002-11']);
  });

  it('adds up the deadlines breached now, and gives every severity a count', () => {
    const summary = summariseSafety(safety({ breachedNow: { acknowledge: 2, restore: 3 }, openBySeverity: { critical: 1, major: 0, minor: 0, warning: 0 }, openTotal: 1 }));
    expect(summary.breached).toEqual({ acknowledge: 2, restore: 3, total: 5, tone: 'alarm' });
    expect(summary.open.bySeverity).toEqual([
      { severity: 'critical', count: 1 },
      { severity: 'major', count: 0 },
      { severity: 'minor', count: 0 },
      { severity: 'warning', count: 0 },
    ]);
    expect(summary.open.tone).toBe('warn');
  });

  it('reads the running event period first, else the next one', () => {
    const upcoming = { id: 'b', name: 'Đại hội', startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-04T00:00:00Z', status: 'upcoming' as const, p0Sites: 19, p0Down: 0 };
    const running = { ...upcoming, id: 'a', status: 'running' as const };
    expect(summariseSafety(safety({ eventPeriods: [upcoming, running] })).event?.id).toBe('a');
    expect(summariseSafety(safety({ eventPeriods: [upcoming] })).event?.id).toBe('b');
    expect(summariseSafety(safety()).event).toBeNull();
  });
});

describe('communesWithSitesDown', () => {
  it('keeps the communes with a site down, in the api’s order, up to the limit', () => {
    const data = safety({ byCommune: [tally('a', { down: 5 }), tally('b', { down: 2 }), tally('c', { down: 1 }), tally('d')] });
    expect(communesWithSitesDown(data, 2).map((commune) => commune.key)).toEqual(['a', 'b']);
    expect(communesWithSitesDown(data, 10).map((commune) => commune.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('boardLink', () => {
  it('opens the board with the dashboard’s filters, in the board’s own parameters', () => {
    expect(boardLink({ operatorCode: null, communeCode: null, severity: null })).toBe('/');
    expect(boardLink({ operatorCode: 'viettel', communeCode: '06079', severity: 'critical' })).toBe('/?severity=critical&operator=viettel&commune=06079');
  });

  it('turns on the board’s P0 switch from the P0 tile', () => {
    expect(boardLink({ operatorCode: null, communeCode: null, severity: null }, true)).toBe('/?priority=P0');
  });
});
