/**
 * Upstreams: what the demo sites depend on, for mass-outage correlation and the battery estimate.
 *
 * - Power: EVN Lạng Sơn's medium-voltage feeders, a few per former district, each a sector around the
 *   district's centre feeding every operator's sites in it (postal points too). Mountain districts run
 *   35 kV feeders (371, 372, …), the city 22 kV ones (471, 472, …).
 * - Transmission: each telecom operator's sites hang off an aggregation node of its own in their former
 *   district (a transmission node, else a POP, else an OLT), reached over fibre routes (rings) of 4–20
 *   sites that all end at that node; where the operator has no node in the district (MobiFone in most
 *   rural ones), the rings end at its nearest node next door. The aggregation nodes sit on the
 *   operator's core rings, back to its node in the city. Postal points have no route and no node.
 * - Batteries: most sites keep the default bank of their kind (null); the P0 sites, the aggregation
 *   nodes, the storm's sites and a few others record their own.
 *
 * The storm of the demo incidents (mains lost at five BTS in Tràng Định within minutes) is one feeder
 * tripping: those sites are all on STORM_FEEDER, so correlation has a real group to show.
 */
import { type Context, type DemoIncidentSpec, type DemoSite } from './types';
import { Random } from './random';
import { CITY, districtShortName } from './places';
import { camel } from './site-codes';
import { pad } from './text';
import { STORM_DISTRICT } from './incident-templates';
import { TELECOM } from './operators';

/** The feeder whose trip is the demo's mains-failure storm (the incident's comment names it: 35 kV, 371). */
export const STORM_FEEDER = 'EVN-LS/TrangDinh-371';

/** Sites per feeder: about this many on average, never fewer than the minimum. */
const FEEDER_TARGET = 22;
const FEEDER_MIN = 5;
/** Sites per fibre route (access ring). */
const ROUTE_TARGET = 10;
const ROUTE_MIN = 4;
/** Aggregation nodes per core ring. */
const CORE_RING_MAX = 20;

/** Short district codes as the operators write them in route names (Cao Lộc and Chi Lăng share initials). */
const DISTRICT_ABBREVIATION: Readonly<Record<string, string>> = {
  [CITY]: 'TP',
  'Huyện Cao Lộc': 'CL',
  'Huyện Chi Lăng': 'CLG',
  'Huyện Tràng Định': 'TD',
  'Huyện Hữu Lũng': 'HL',
  'Huyện Lộc Bình': 'LB',
  'Huyện Bình Gia': 'BG',
  'Huyện Văn Lãng': 'VL',
  'Huyện Văn Quan': 'VQ',
  'Huyện Bắc Sơn': 'BS',
  'Huyện Đình Lập': 'DL',
};

type TelecomOperator = 'viettel' | 'vnpt' | 'mobifone';

/** Route names per operator: Viettel numbers its rings across the province, VNPT and MobiFone per district. */
const ROUTE_NAMES: Readonly<Record<TelecomOperator, { access: (district: string, n: number, provinceWide: number) => string; core: (n: number) => string }>> = {
  viettel: { access: (_district, _n, provinceWide) => `VTL-LSN-RING-${pad(provinceWide, 2)}`, core: (n) => `VTL-LSN-CORE-${pad(n, 2)}` },
  vnpt: { access: (district, n) => `VNPT-LS-${abbreviation(district)}-${pad(n, 2)}`, core: (n) => `VNPT-LS-CORE-${pad(n, 2)}` },
  mobifone: { access: (district, n) => `MBF-LSN-${abbreviation(district)}-${pad(n, 2)}`, core: (n) => `MBF-LSN-CORE-${pad(n, 2)}` },
};

function abbreviation(district: string): string {
  return (
    DISTRICT_ABBREVIATION[district] ??
    districtShortName(district)
      .split(' ')
      .map((word) => camel(word).charAt(0))
      .join('')
  );
}

/** EVN's name of a feeder: the district's Điện lực, then the feeder number (35 kV 37x outside the city, 22 kV 47x). */
export function feederCode(district: string, index: number): string {
  const token = district === CITY ? 'TPLangSon' : camel(districtShortName(district));
  const number = district === CITY ? 471 + index : index < 4 ? 371 + index : 471 + index - 4;
  return `EVN-LS/${token}-${number}`;
}

interface Point {
  lat: number;
  lon: number;
}

const pointOf = (site: DemoSite): Point => ({ lat: site.latitude, lon: site.longitude });

function centreOf(sites: readonly DemoSite[]): Point {
  const lat = sites.reduce((sum, site) => sum + site.latitude, 0) / sites.length;
  const lon = sites.reduce((sum, site) => sum + site.longitude, 0) / sites.length;
  return { lat, lon };
}

/** Squared distance on a local flat map (longitude shrunk by the latitude): only ever compared. */
function distance2(a: Point, b: Point): number {
  const dLon = (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180);
  return (a.lat - b.lat) ** 2 + dLon ** 2;
}

function bearing(from: Point, to: Point): number {
  return Math.atan2(to.lat - from.lat, (to.lon - from.lon) * Math.cos((from.lat * Math.PI) / 180));
}

/** `count` group sizes (fewer if the total cannot fill them) adding up to `total`, none below `min` when the total allows. */
function groupSizes(random: Random, total: number, min: number, count: number): number[] {
  if (total === 0) return [];
  const groups = Math.max(1, Math.min(count, Math.floor(total / min)));
  const weights = Array.from({ length: groups }, () => 0.8 + 0.4 * random.float());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((weight) => Math.max(Math.min(min, total), Math.floor((total * weight) / sum)));
  let excess = sizes.reduce((a, b) => a + b, 0) - total;
  for (let index = 0; excess !== 0; index = (index + 1) % groups) {
    if (excess < 0) {
      sizes[index] = (sizes[index] ?? 0) + 1;
      excess += 1;
    } else if ((sizes[index] ?? 0) > min) {
      sizes[index] = (sizes[index] ?? 0) - 1;
      excess -= 1;
    }
  }
  return sizes;
}

/**
 * Cuts sites into sectors around a centre: sorted by bearing, turned by a random offset (so the cuts
 * fall anywhere), then sliced in consecutive runs of the given sizes.
 */
function sectors<T extends DemoSite>(random: Random, sites: readonly T[], centre: Point, sizes: readonly number[]): T[][] {
  const sorted = [...sites].sort((a, b) => bearing(centre, pointOf(a)) - bearing(centre, pointOf(b)) || a.code.localeCompare(b.code));
  const offset = sorted.length > 0 ? random.int(0, sorted.length - 1) : 0;
  const turned = [...sorted.slice(offset), ...sorted.slice(0, offset)];
  const out: T[][] = [];
  let start = 0;
  for (const size of sizes) {
    out.push(turned.slice(start, start + size));
    start += size;
  }
  return out;
}

interface Upstreams {
  powerFeeder: string | null;
  transmissionRoute: string | null;
  aggregationNode: string | null;
  batteryCapacityAh: number | null;
  loadWatts: number | null;
}

/** The operator's sites in one district that other sites aggregate on: transmission nodes, else POPs, else OLTs. */
function aggregationNodesOf(sites: readonly DemoSite[]): DemoSite[] {
  const transmission = sites.filter((site) => site.kind === 'transmission_node');
  if (transmission.length > 0) return transmission;
  const pops = sites.filter((site) => site.kind === 'broadband_node' && site.name.startsWith('Nút POP'));
  if (pops.length > 0) return pops;
  return sites.filter((site) => site.kind === 'broadband_node');
}

function assignFeeders(ctx: Context, sites: readonly DemoSite[], stormCodes: ReadonlySet<string>, out: Map<string, Upstreams>): void {
  for (const district of ctx.districts) {
    const members = sites.filter((site) => ctx.districtOf(site.communeCode)?.name === district.name);
    if (members.length === 0) continue;
    const count = Math.max(1, Math.ceil(members.length / FEEDER_TARGET));
    const groups = sectors(ctx.random, members, centreOf(members), groupSizes(ctx.random, members.length, FEEDER_MIN, count));
    if (district.name === STORM_DISTRICT && stormCodes.size > 0) {
      // The storm is one feeder tripping: the feeder of the most storm sites takes the others, and is 371.
      const stormCount = (group: DemoSite[]) => group.filter((site) => stormCodes.has(site.code)).length;
      const storm = groups.reduce((best, group) => (stormCount(group) > stormCount(best) ? group : best));
      const moved = groups.flatMap((group) => (group === storm ? [] : group.filter((site) => stormCodes.has(site.code))));
      for (let index = 0; index < groups.length; index++) {
        const group = groups[index] as DemoSite[];
        if (group !== storm) groups[index] = group.filter((site) => !stormCodes.has(site.code));
      }
      storm.push(...moved);
      groups.splice(groups.indexOf(storm), 1);
      groups.unshift(storm);
    }
    groups.forEach((group, index) => {
      const code = feederCode(district.name, index);
      for (const site of group) (out.get(site.code) as Upstreams).powerFeeder = code;
    });
  }
}

const nearest = (point: Point, among: readonly DemoSite[]): DemoSite =>
  among.reduce((best, node) => (distance2(point, pointOf(node)) < distance2(point, pointOf(best)) ? node : best));

function assignTransmission(ctx: Context, sites: readonly DemoSite[], out: Map<string, Upstreams>): void {
  for (const operator of TELECOM as readonly TelecomOperator[]) {
    const names = ROUTE_NAMES[operator];
    let provinceWide = 0;
    /**
     * Each site of the district hangs off the nearest of `nodes` (a node left with fewer sites than a
     * route needs gives them to the next nearest), over access rings that all end at that node.
     */
    const routeDistrict = (district: string, members: readonly DemoSite[], nodes: readonly DemoSite[]) => {
      const nodeCodes = new Set(nodes.map((node) => node.code));
      const byNode = new Map<string, DemoSite[]>(nodes.map((node) => [node.code, []]));
      for (const site of members) if (!nodeCodes.has(site.code)) byNode.get(nearest(pointOf(site), nodes).code)?.push(site);
      let kept = nodes.filter((node) => (byNode.get(node.code)?.length ?? 0) > 0);
      for (const node of [...kept].sort((a, b) => (byNode.get(a.code)?.length ?? 0) - (byNode.get(b.code)?.length ?? 0))) {
        const group = byNode.get(node.code) ?? [];
        const others = kept.filter((other) => other !== node);
        if (group.length >= ROUTE_MIN || others.length === 0) continue;
        for (const site of group) byNode.get(nearest(pointOf(site), others).code)?.push(site);
        byNode.set(node.code, []);
        kept = others;
      }
      let inDistrict = 0;
      for (const node of kept) {
        const group = byNode.get(node.code) ?? [];
        const count = Math.max(1, Math.round(group.length / ROUTE_TARGET));
        for (const route of sectors(ctx.random, group, pointOf(node), groupSizes(ctx.random, group.length, ROUTE_MIN, count))) {
          inDistrict += 1;
          provinceWide += 1;
          const code = names.access(district, inDistrict, provinceWide);
          for (const site of route) Object.assign(out.get(site.code) as Upstreams, { transmissionRoute: code, aggregationNode: node.code });
        }
      }
    };
    const hubs: DemoSite[] = [];
    const withoutNode: { district: string; members: DemoSite[] }[] = [];
    for (const district of ctx.districts) {
      const members = sites.filter((site) => site.operatorCode === operator && ctx.districtOf(site.communeCode)?.name === district.name);
      if (members.length === 0) continue;
      const nodes = aggregationNodesOf(members);
      if (nodes.length === 0) {
        withoutNode.push({ district: district.name, members });
        continue;
      }
      hubs.push(...nodes);
      routeDistrict(district.name, members, nodes);
    }
    // A district where the operator has no node of its own is backhauled to the nearest one next door.
    for (const { district, members } of withoutNode) if (hubs.length > 0) routeDistrict(district, members, [nearest(centreOf(members), hubs)]);
    // The aggregation nodes ride the operator's core rings back to its first node in the city (which has none above it).
    const core = hubs.find((hub) => ctx.districtOf(hub.communeCode)?.name === CITY) ?? hubs[0];
    const rings = Math.ceil(hubs.length / CORE_RING_MAX);
    hubs.forEach((hub, index) => {
      Object.assign(out.get(hub.code) as Upstreams, {
        transmissionRoute: names.core(Math.floor((index * rings) / hubs.length) + 1),
        aggregationNode: hub === core ? null : (core?.code ?? null),
      });
    });
  }
}

/** Battery banks (Ah) and loads (W) recorded on the site, on 48 V; the others take their kind's default. */
function assignBatteries(ctx: Context, sites: readonly DemoSite[], storm: readonly DemoIncidentSpec[], out: Map<string, Upstreams>): void {
  const set = (code: string, batteryCapacityAh: number, loadWatts: number) => Object.assign(out.get(code) as Upstreams, { batteryCapacityAh, loadWatts });
  const aggregationNodes = new Set([...out.values()].map((upstreams) => upstreams.aggregationNode).filter((code): code is string => code !== null));
  for (const site of sites) {
    if (site.kind === 'postal_point') continue;
    if (site.priority === 'P0') {
      // Strengthened for the congress: a second battery string; the trucks carry a smaller bank beside their generator.
      const truck = site.name.startsWith('Xe BTS lưu động');
      if (truck) set(site.code, 200, 1800);
      else if (site.kind === 'bts') set(site.code, ctx.random.pick([400, 500]), ctx.random.pick([2000, 2400, 2800]));
      else set(site.code, 300, ctx.random.pick([600, 800]));
    } else if (aggregationNodes.has(site.code)) {
      set(site.code, ctx.random.pick([300, 400]), ctx.random.pick([800, 1000, 1200]));
    } else if (ctx.random.float() < 0.04) {
      // A few with their own bank: an old 100 Ah string, or a new lithium one.
      set(site.code, ctx.random.pick([100, 150, 300]), ctx.random.pick([900, 1200, 1500]));
    }
  }
  // The storm's sites, as their reports tell: the hub about 2 h on battery, one BTS about 3 h, one already at DC low voltage.
  const [hub, second, third] = storm;
  if (hub) set(hub.siteCode, 150, 2880);
  if (second) set(second.siteCode, 150, 1900);
  if (third) set(third.siteCode, 100, 1200);
}

/**
 * Gives every demo site its upstreams and, for some, a battery profile. Run after the incidents are
 * chosen (it reads which sites the storm hit) and deterministic like the rest, from the same random source.
 */
export function assignUpstreams(ctx: Context, sites: readonly DemoSite[], incidents: readonly DemoIncidentSpec[]): DemoSite[] {
  const stormIncidents = incidents.filter((incident) => {
    const site = sites.find((candidate) => candidate.code === incident.siteCode);
    return incident.category === 'mains_failure' && site !== undefined && ctx.districtOf(site.communeCode)?.name === STORM_DISTRICT;
  });
  const out = new Map<string, Upstreams>(
    sites.map((site) => [site.code, { powerFeeder: null, transmissionRoute: null, aggregationNode: null, batteryCapacityAh: null, loadWatts: null }]),
  );
  assignFeeders(ctx, sites, new Set(stormIncidents.map((incident) => incident.siteCode)), out);
  assignTransmission(ctx, sites, out);
  assignBatteries(ctx, sites, stormIncidents, out);
  return sites.map((site) => ({ ...site, ...(out.get(site.code) as Upstreams) }));
}
