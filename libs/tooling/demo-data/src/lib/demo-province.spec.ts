import { INCIDENT_CATEGORIES, OPERATOR_CODES, SITE_KINDS } from '@netduty/contracts';
import {
  DEFAULT_DEMO_SITE_COUNT,
  buildDemoProvince,
  communeShortName,
  pointInMultiPolygon,
  type DemoProvince,
} from '../index';

describe('pointInMultiPolygon', () => {
  const square = [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]];
  const withHole = [[
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
  ]];
  const two = [...square, [[[20, 20], [30, 20], [30, 30], [20, 30], [20, 20]]]];

  it('tells inside from outside', () => {
    expect(pointInMultiPolygon([5, 5], square)).toBe(true);
    expect(pointInMultiPolygon([11, 5], square)).toBe(false);
    expect(pointInMultiPolygon([-0.1, 5], square)).toBe(false);
  });

  it('honours holes and several polygons', () => {
    expect(pointInMultiPolygon([5, 5], withHole)).toBe(false);
    expect(pointInMultiPolygon([2, 2], withHole)).toBe(true);
    expect(pointInMultiPolygon([25, 25], two)).toBe(true);
    expect(pointInMultiPolygon([15, 15], two)).toBe(false);
  });

  it('works on a concave ring', () => {
    const u = [[[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]];
    expect(pointInMultiPolygon([1.5, 2], u)).toBe(false);
    expect(pointInMultiPolygon([0.5, 2], u)).toBe(true);
  });
});

describe('buildDemoProvince', () => {
  let demo: DemoProvince;
  beforeAll(() => {
    demo = buildDemoProvince();
  });

  const communeOf = (code: string) => demo.communes.find((c) => c.code === code);

  it('describes Lạng Sơn and its 65 units of 2025', () => {
    expect(demo.province).toEqual({ code: '20', name: 'Tỉnh Lạng Sơn' });
    expect(demo.communes).toHaveLength(65);
    expect(new Set(demo.communes.map((c) => c.code)).size).toBe(65);
    for (const c of demo.communes) {
      expect(c.code).toMatch(/^\d{5}$/);
      expect(c.provinceCode).toBe('20');
      expect(['phường', 'xã']).toContain(c.divisionType);
      expect(c.name).toMatch(/^(Phường|Xã) /);
      expect(demo.formerDistricts.map((d) => d.name)).toContain(c.formerDistrict);
    }
    expect(demo.communes.filter((c) => c.divisionType === 'xã')).toHaveLength(61);
    expect(demo.formerDistricts).toHaveLength(11);
  });

  it('has the 4 wards, in the former city', () => {
    const wards = demo.communes.filter((c) => c.divisionType === 'phường');
    expect(wards.map((w) => communeShortName(w.name)).sort()).toEqual(
      ['Đông Kinh', 'Kỳ Lừa', 'Lương Văn Tri', 'Tam Thanh'].sort(),
    );
    expect(wards.find((w) => w.name === 'Phường Đông Kinh')?.code).toBe('05977');
    for (const w of wards) expect(w.formerDistrict).toBe('Thành phố Lạng Sơn');
  });

  it('labels former districts from names and codes', () => {
    const district = (name: string) => demo.communes.find((c) => c.name === name)?.formerDistrict;
    expect(district('Xã Thất Khê')).toBe('Huyện Tràng Định');
    expect(district('Xã Hồng Phong')).toBe('Huyện Bình Gia'); // also a Cao Lộc commune name
    expect(district('Xã Chi Lăng')).toBe('Huyện Chi Lăng'); // also a city ward and a Tràng Định commune
    expect(district('Xã Tân Thành')).toBe('Huyện Hữu Lũng');
    expect(district('Xã Mẫu Sơn')).toBe('Huyện Lộc Bình');
    expect(district('Xã Ba Sơn')).toBe('Huyện Cao Lộc'); // no namesake: by code
    expect(district('Xã Bắc Sơn')).toBe('Huyện Bắc Sơn');
  });

  it('has the five operators', () => {
    expect(demo.operators.map((o) => o.code)).toEqual([...OPERATOR_CODES]);
    expect(demo.operators.find((o) => o.code === 'vnpost')).toEqual({ code: 'vnpost', name: 'Vietnam Post (VNPost)', kind: 'postal' });
    expect(demo.operators.filter((o) => o.kind === 'telecom').map((o) => o.code)).toEqual(['viettel', 'vnpt', 'mobifone']);
  });

  it('builds at least 600 sites with unique codes', () => {
    expect(demo.sites.length).toBeGreaterThanOrEqual(600);
    expect(demo.sites).toHaveLength(DEFAULT_DEMO_SITE_COUNT);
    expect(new Set(demo.sites.map((s) => s.code)).size).toBe(demo.sites.length);
    for (const s of demo.sites) {
      expect(SITE_KINDS).toContain(s.kind);
      expect(communeOf(s.communeCode)).toBeDefined();
    }
  });

  it('places every site inside the province outline and its former district', () => {
    const outside = demo.sites.filter((s) => !pointInMultiPolygon([s.longitude, s.latitude], demo.provinceOutline));
    expect(outside).toEqual([]);
    const wrongDistrict = demo.sites.filter((s) => {
      const district = demo.formerDistricts.find((d) => d.name === communeOf(s.communeCode)?.formerDistrict);
      return !district || !pointInMultiPolygon([s.longitude, s.latitude], district.polygon);
    });
    expect(wrongDistrict).toEqual([]);
    for (const s of demo.sites) {
      expect(s.latitude).toBeGreaterThan(21.3);
      expect(s.latitude).toBeLessThan(22.5);
      expect(s.longitude).toBeGreaterThan(106);
      expect(s.longitude).toBeLessThan(107.4);
    }
  });

  it('follows each operator’s code style', () => {
    const shapes: Record<string, RegExp> = {
      'viettel/bts': /^LSN\d{4}-\d{2}$/,
      'viettel/broadband_node': /^LSN-(OLT|POP)-\d{3}$/,
      'viettel/transmission_node': /^LSN-TD-\d{3}$/,
      'vnpt/bts': /^[A-Z][A-Za-z]*(-[A-Z0-9][A-Za-z0-9]*)*_LSN$/,
      'vnpt/broadband_node': /^(OLT|POP)_[A-Z][A-Za-z]*(-[A-Z0-9][A-Za-z0-9]*)*_LSN$/,
      'vnpt/transmission_node': /^TD_[A-Z][A-Za-z]*(-[A-Z0-9][A-Za-z0-9]*)*_LSN$/,
      'mobifone/bts': /^LSN_MF_\d{4}$/,
      'mobifone/broadband_node': /^LSN_MF_OLT_\d{2}$/,
      'mobifone/transmission_node': /^LSN_MF_TD_\d{2}$/,
      'vnpost/postal_point': /^BC-[A-Z][A-Za-z]*-\d{2}$/,
      'viettelpost/postal_point': /^VTP-LSN-\d{3}$/,
    };
    for (const s of demo.sites) {
      const shape = shapes[`${s.operatorCode}/${s.kind}`];
      expect({ code: s.code, ok: shape !== undefined && shape.test(s.code) }).toEqual({ code: s.code, ok: true });
    }
    const codes = new Set(demo.sites.map((s) => s.code));
    expect(codes.has('Dong-Kinh_LSN')).toBe(true);
    expect(codes.has('Dong-Kinh-2_LSN')).toBe(true);
    expect(codes.has('BC-DongKinh-01')).toBe(true);
  });

  it('keeps postal operators to postal points and telecom operators off them', () => {
    for (const s of demo.sites) {
      const postal = s.operatorCode === 'vnpost' || s.operatorCode === 'viettelpost';
      expect(s.kind === 'postal_point').toBe(postal);
    }
  });

  it('has a realistic operator mix', () => {
    const n = (op: string, kind?: string) =>
      demo.sites.filter((s) => s.operatorCode === op && (kind === undefined || s.kind === kind)).length;
    expect(n('viettel', 'bts')).toBeGreaterThan(n('vnpt', 'bts'));
    expect(n('vnpt', 'bts')).toBeGreaterThan(n('mobifone', 'bts'));
    for (const op of ['viettel', 'vnpt', 'mobifone']) {
      expect(n(op, 'bts') / n(op)).toBeGreaterThan(0.7);
      expect(n(op, 'broadband_node')).toBeGreaterThan(0);
      expect(n(op, 'transmission_node')).toBeGreaterThan(0);
    }
  });

  it('gives every commune a telecom site, a BTS of each telecom operator and a VNPost point', () => {
    for (const c of demo.communes) {
      const here = demo.sites.filter((s) => s.communeCode === c.code);
      for (const op of ['viettel', 'vnpt', 'mobifone']) {
        expect({ commune: c.name, op, ok: here.some((s) => s.operatorCode === op && s.kind === 'bts') }).toEqual({
          commune: c.name,
          op,
          ok: true,
        });
      }
      expect(here.some((s) => s.operatorCode === 'vnpost')).toBe(true);
    }
  });

  it('sets priorities: 15–25 P0 in the wards incl. mobile BTS trucks, ≈8–10 % P1', () => {
    const p0 = demo.sites.filter((s) => s.priority === 'P0');
    expect(p0.length).toBeGreaterThanOrEqual(15);
    expect(p0.length).toBeLessThanOrEqual(25);
    for (const s of p0) expect(communeOf(s.communeCode)?.divisionType).toBe('phường');
    const wardsWithP0 = new Set(p0.map((s) => s.communeCode));
    expect(wardsWithP0.size).toBe(4);
    const trucks = p0.filter((s) => s.name.startsWith('Xe BTS lưu động'));
    expect(trucks.length).toBeGreaterThanOrEqual(2);
    expect(trucks.length).toBeLessThanOrEqual(3);
    expect(p0.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Trạm BTS Trung tâm Hội nghị tỉnh', 'Trạm BTS Trụ sở Tỉnh ủy', 'Bưu cục Trung tâm báo chí']),
    );
    const p1Share = demo.sites.filter((s) => s.priority === 'P1').length / demo.sites.length;
    expect(p1Share).toBeGreaterThanOrEqual(0.08);
    expect(p1Share).toBeLessThanOrEqual(0.1);
    for (const s of demo.sites.filter((x) => x.kind === 'transmission_node')) expect(s.priority).toBe('P1');
  });

  it('covers every commune by exactly one cluster per operator', () => {
    expect(new Set(demo.clusters.map((c) => c.key)).size).toBe(demo.clusters.length);
    for (const op of OPERATOR_CODES) {
      const clusters = demo.clusters.filter((c) => c.operatorCode === op);
      const telecom = op === 'viettel' || op === 'vnpt' || op === 'mobifone';
      if (telecom) {
        expect(clusters.length).toBeGreaterThanOrEqual(6);
        expect(clusters.length).toBeLessThanOrEqual(11);
      } else {
        expect(clusters.length).toBeGreaterThanOrEqual(4);
        expect(clusters.length).toBeLessThanOrEqual(6);
      }
      for (const c of demo.communes) {
        const covering = clusters.filter((cl) => cl.communeCodes.includes(c.code));
        expect({ op, commune: c.name, count: covering.length }).toEqual({ op, commune: c.name, count: 1 });
      }
    }
    expect(demo.clusters.map((c) => c.name)).toContain('Cụm kỹ thuật Viettel Tràng Định');
  });

  it('has 2–4 responders per cluster with Vietnamese names and mobile numbers', () => {
    const prefixes: Record<string, RegExp> = {
      viettel: /^0(98|97|96|86|3[2-9])\d{7}$/,
      vnpt: /^0(91|94|88|8[1-5])\d{7}$/,
      mobifone: /^0(90|93|89|70|7[6-9])\d{7}$/,
      vnpost: /^0(91|94|88)\d{7}$/,
      viettelpost: /^0(98|97|96|86)\d{7}$/,
    };
    for (const cluster of demo.clusters) {
      const staff = demo.responders.filter((r) => r.clusterKey === cluster.key);
      expect(staff.length).toBeGreaterThanOrEqual(2);
      expect(staff.length).toBeLessThanOrEqual(4);
      for (const r of staff) {
        expect(r.operatorCode).toBe(cluster.operatorCode);
        expect(r.name.split(' ').length).toBeGreaterThanOrEqual(3);
        expect(r.phone).toMatch(prefixes[r.operatorCode]);
      }
    }
    expect(new Set(demo.responders.map((r) => r.key)).size).toBe(demo.responders.length);
    expect(new Set(demo.responders.map((r) => r.phone)).size).toBe(demo.responders.length);
    expect(demo.responders.every((r) => demo.clusters.some((c) => c.key === r.clusterKey))).toBe(true);
  });

  it('has about 20 consistent demo incidents', () => {
    const { incidents } = demo;
    expect(incidents.length).toBeGreaterThanOrEqual(18);
    expect(incidents.length).toBeLessThanOrEqual(25);
    expect(new Set(incidents.map((i) => i.siteCode)).size).toBe(incidents.length);
    const names = new Set(demo.responders.map((r) => r.name));
    for (const i of incidents) {
      const site = demo.sites.find((s) => s.code === i.siteCode);
      expect(site).toBeDefined();
      expect(INCIDENT_CATEGORIES).toContain(i.category);
      expect(names.has(i.reporterName)).toBe(true);
      expect(i.reportedMinutesAgo).toBeGreaterThan(0);
      expect(i.description.length).toBeGreaterThan(10);
      expect(i.assignResponderCount).toBeGreaterThanOrEqual(0);
      expect(i.assignResponderCount).toBeLessThanOrEqual(2);
      if (i.status === 'reported' || i.status === 'acknowledged') expect(i.assignResponderCount).toBe(0);
      if (i.status === 'in_progress') expect(i.assignResponderCount).toBeGreaterThan(0);
      const postal = site?.kind === 'postal_point';
      expect(i.category === 'postal_disruption').toBe(postal);
    }
    const statuses = new Set(incidents.map((i) => i.status));
    for (const s of ['reported', 'acknowledged', 'in_progress', 'resolved', 'closed', 'reopened']) expect(statuses).toContain(s);
    const onP0 = incidents.filter((i) => demo.sites.find((s) => s.code === i.siteCode)?.priority === 'P0');
    expect(onP0.length).toBeGreaterThanOrEqual(3);
  });

  it('includes an alarm storm: 4–5 BTS in one former district losing mains within 10 minutes', () => {
    const mains = demo.incidents.filter((i) => i.category === 'mains_failure');
    const byDistrict = new Map<string, number[]>();
    for (const i of mains) {
      const site = demo.sites.find((s) => s.code === i.siteCode);
      expect(site?.kind).toBe('bts');
      const district = communeOf(site?.communeCode ?? '')?.formerDistrict ?? '';
      byDistrict.set(district, [...(byDistrict.get(district) ?? []), i.reportedMinutesAgo]);
    }
    const storm = [...byDistrict.values()].find((minutes) => minutes.length >= 4);
    expect(storm).toBeDefined();
    expect(Math.max(...(storm ?? [])) - Math.min(...(storm ?? []))).toBeLessThanOrEqual(10);
  });

  describe('upstreams', () => {
    const groups = (key: 'powerFeeder' | 'transmissionRoute' | 'aggregationNode') => {
      const found = new Map<string, typeof demo.sites>();
      for (const site of demo.sites) {
        const value = site[key];
        if (value) found.set(value, [...(found.get(value) ?? []), site]);
      }
      return found;
    };
    const districtOf = (site: { communeCode: string }) => communeOf(site.communeCode)?.formerDistrict;
    const upstreamShape = /^[A-Za-z0-9][A-Za-z0-9._/ -]{0,63}$/;

    it('feeds every site from an EVN feeder of its own former district, 5–40 sites of all operators each', () => {
      expect(demo.sites.filter((s) => !s.powerFeeder).map((s) => s.code)).toEqual([]);
      const feeders = groups('powerFeeder');
      expect(feeders.size).toBeGreaterThanOrEqual(demo.formerDistricts.length * 2);
      for (const [feeder, sites] of feeders) {
        expect(feeder).toMatch(/^EVN-LS\/[A-Za-z]+-[34]7\d$/);
        expect({ feeder, sites: sites.length >= 5 && sites.length <= 40 }).toEqual({ feeder, sites: true });
        expect({ feeder, districts: new Set(sites.map(districtOf)).size }).toEqual({ feeder, districts: 1 });
      }
      const mixed = [...feeders.values()].filter((sites) => new Set(sites.map((s) => s.operatorCode)).size >= 3);
      expect(mixed.length).toBeGreaterThan(feeders.size / 2);
    });

    it('carries every telecom site on a fibre route of its operator, 4–20 sites each, ending at one aggregation node', () => {
      const telecom = demo.sites.filter((s) => s.kind !== 'postal_point');
      expect(telecom.filter((s) => !s.transmissionRoute).map((s) => s.code)).toEqual([]);
      for (const [route, sites] of groups('transmissionRoute')) {
        expect(route).toMatch(/^(VTL-LSN-(RING|CORE)-\d{2}|VNPT-LS-[A-Z]+-\d{2}|MBF-LSN-[A-Z]+-\d{2})$/);
        expect({ route, sites: sites.length >= 4 && sites.length <= 20 }).toEqual({ route, sites: true });
        expect({ route, operators: new Set(sites.map((s) => s.operatorCode)).size }).toEqual({ route, operators: 1 });
        if (!route.includes('-CORE-')) expect({ route, nodes: new Set(sites.map((s) => s.aggregationNode)).size }).toEqual({ route, nodes: 1 });
      }
    });

    it('hangs telecom sites off an aggregation node: a transmission or broadband node of the same operator, in the same former district where it has one', () => {
      const byCode = new Map(demo.sites.map((s) => [s.code, s]));
      for (const op of ['viettel', 'vnpt', 'mobifone']) {
        // Only the operator's core node, in the city, has nothing above it.
        const tops = demo.sites.filter((s) => s.operatorCode === op && !s.aggregationNode);
        expect(tops.map((s) => [s.kind, districtOf(s)])).toEqual([['transmission_node', 'Thành phố Lạng Sơn']]);
      }
      for (const [code, sites] of groups('aggregationNode')) {
        const node = byCode.get(code);
        expect({ code, kind: node?.kind }).toEqual({ code, kind: expect.stringMatching(/^(transmission_node|broadband_node)$/) });
        for (const site of sites) {
          expect({ site: site.code, operator: site.operatorCode }).toEqual({ site: site.code, operator: node?.operatorCode });
          const ownNodeInDistrict = demo.sites.some((s) => s.operatorCode === site.operatorCode && s.kind !== 'bts' && s.kind !== 'postal_point' && districtOf(s) === districtOf(site));
          if (ownNodeInDistrict && site.transmissionRoute && !site.transmissionRoute.includes('-CORE-')) {
            expect({ site: site.code, district: districtOf(node ?? site) }).toEqual({ site: site.code, district: districtOf(site) });
          }
        }
      }
    });

    it('keeps postal points off routes and nodes, and every code within the api’s rules', () => {
      for (const s of demo.sites.filter((x) => x.kind === 'postal_point')) {
        expect({ code: s.code, route: s.transmissionRoute, node: s.aggregationNode }).toEqual({ code: s.code, route: null, node: null });
      }
      for (const s of demo.sites) {
        for (const value of [s.powerFeeder, s.transmissionRoute, s.aggregationNode]) if (value) expect(value).toMatch(upstreamShape);
      }
    });

    it('puts the Tràng Định mains-failure storm on one feeder', () => {
      const storm = demo.incidents
        .filter((i) => i.category === 'mains_failure')
        .map((i) => demo.sites.find((s) => s.code === i.siteCode))
        .filter((s) => s !== undefined && districtOf(s) === 'Huyện Tràng Định');
      expect(storm.length).toBeGreaterThanOrEqual(4);
      expect(new Set(storm.map((s) => s?.powerFeeder))).toEqual(new Set(['EVN-LS/TrangDinh-371']));
      expect(new Set(storm.map((s) => s?.operatorCode))).toEqual(new Set(['viettel', 'vnpt', 'mobifone']));
    });

    it('records the battery bank of the P0 telecom sites and a few others, leaving most to their kind’s default', () => {
      const p0 = demo.sites.filter((s) => s.priority === 'P0' && s.kind !== 'postal_point');
      for (const s of p0) expect({ code: s.code, recorded: s.batteryCapacityAh !== null && s.loadWatts !== null }).toEqual({ code: s.code, recorded: true });
      const recorded = demo.sites.filter((s) => s.batteryCapacityAh !== null || s.loadWatts !== null);
      expect(recorded.length).toBeGreaterThan(p0.length);
      expect(recorded.length).toBeLessThan(demo.sites.length * 0.2);
      for (const s of recorded) {
        expect(s.kind).not.toBe('postal_point');
        expect(s.batteryCapacityAh).toBeGreaterThanOrEqual(0);
        expect(s.batteryCapacityAh).toBeLessThanOrEqual(10_000);
        expect(s.loadWatts).toBeGreaterThanOrEqual(1);
        expect(s.loadWatts).toBeLessThanOrEqual(100_000);
      }
    });

    it('holds for other seeds and sizes', () => {
      for (const options of [{ seed: 3, siteCount: 900 }, { seed: 11, siteCount: 5000 }]) {
        const other = buildDemoProvince(options);
        const counts = new Map<string, number>();
        for (const s of other.sites) {
          expect(s.powerFeeder).not.toBeNull();
          expect(s.transmissionRoute === null).toBe(s.kind === 'postal_point');
          for (const value of [s.powerFeeder, s.transmissionRoute]) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(4);
        expect(Math.max(...counts.values())).toBeLessThanOrEqual(40);
      }
    });
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(buildDemoProvince()).toEqual(demo);
    expect(buildDemoProvince({ seed: 7 })).toEqual(buildDemoProvince({ seed: 7 }));
    expect(buildDemoProvince({ seed: 7 }).sites).not.toEqual(demo.sites);
  });

  it('honours siteCount and rejects impossible ones', () => {
    const big = buildDemoProvince({ seed: 3, siteCount: 900 });
    expect(big.sites).toHaveLength(900);
    expect(new Set(big.sites.map((s) => s.code)).size).toBe(900);
    expect(big.sites.every((s) => pointInMultiPolygon([s.longitude, s.latitude], big.provinceOutline))).toBe(true);
    expect(() => buildDemoProvince({ siteCount: 10 })).toThrow(RangeError);
  });
});
