/**
 * Demo data for Lạng Sơn province (code 20): operators, the 65 communes/wards of 2025, ~640 network
 * sites placed inside their former district, technical clusters, responders and a set of demo
 * incidents. `buildDemoProvince` is pure and deterministic: same options, same output. It does no I/O
 * beyond the static import of `./data/lang-son.json` (prepared once by `scripts/prepare-lang-son.py`).
 *
 * Everything here except the administrative units and boundaries is invented for the demo: site
 * codes, names and positions, people, phone numbers and incidents are plausible, not real.
 */
import type {
  IncidentCategory,
  IncidentStatus,
  OperatorCode,
  OperatorKind,
  PriorityTier,
  Severity,
  SiteKind,
} from '@netduty/contracts';
import rawData from './data/lang-son.json';
import {
  boundingBox,
  kmPerDegree,
  mulberry32,
  multiPolygonAreaDeg2,
  pointInMultiPolygon,
  type BoundingBox,
  type MultiPolygonCoordinates,
} from './geo';

export { pointInMultiPolygon, mulberry32 } from './geo';
export type { MultiPolygonCoordinates } from './geo';

// ------------------------------------------------------------------------------------------ types

export type DivisionType = 'phường' | 'xã';

export interface DemoProvinceInfo {
  code: string;
  name: string;
}

export interface DemoOperator {
  code: OperatorCode;
  name: string;
  kind: OperatorKind;
}

export interface DemoCommune {
  /** NSO code, zero-padded to 5 digits, e.g. '05977'. */
  code: string;
  provinceCode: string;
  /** Full name with its type, e.g. 'Phường Đông Kinh', 'Xã Thất Khê'. */
  name: string;
  divisionType: DivisionType;
  /** The pre-2025 district it mostly comes from, e.g. 'Huyện Tràng Định'; a label only. */
  formerDistrict: string | null;
}

export interface DemoFormerDistrict {
  /** GSO code of the former district, e.g. '180'. */
  code: string;
  name: string;
  /** The 2025 unit that holds the former district seat (former thị trấn / city centre). */
  seatCommuneCode: string | null;
  /** Simplified boundary, GeoJSON MultiPolygon coordinates in [lon, lat]. */
  polygon: MultiPolygonCoordinates;
}

export interface DemoSite {
  code: string;
  name: string;
  kind: SiteKind;
  operatorCode: OperatorCode;
  communeCode: string;
  latitude: number;
  longitude: number;
  priority: PriorityTier;
}

export interface DemoCluster {
  /** Stable key, e.g. 'viettel-trang-dinh', 'vnpt-tp-lang-son-cao-loc'. */
  key: string;
  name: string;
  operatorCode: OperatorCode;
  communeCodes: string[];
}

export interface DemoResponder {
  /** Stable key, e.g. 'viettel-trang-dinh-1'; the first of each cluster is its lead. */
  key: string;
  name: string;
  phone: string;
  operatorCode: OperatorCode;
  clusterKey: string;
}

/**
 * An incident the seeder creates and then drives, through the normal actions, to `status`:
 * report at now − reportedMinutesAgo → acknowledge → assign `assignResponderCount` responders of the
 * cluster covering the site → resolve → close, or resolve → reopen. Comments are added in order,
 * before closing (a closed incident accepts no comments).
 */
export interface DemoIncidentSpec {
  /** Stable key, e.g. 'demo-01'. */
  key: string;
  siteCode: string;
  category: IncidentCategory;
  severity: Severity;
  description: string;
  /** A responder of the cluster that covers the site (cluster staff report faults). */
  reporterName: string;
  reportedMinutesAgo: number;
  /** Target status. 'reported' and 'acknowledged' have no assignee; 'in_progress' has at least one. */
  status: IncidentStatus;
  /** 0–2, taken from the responders of the cluster covering the site. */
  assignResponderCount: number;
  comments: string[];
}

export interface DemoProvince {
  seed: number;
  province: DemoProvinceInfo;
  /** Simplified province outline, GeoJSON MultiPolygon coordinates in [lon, lat]. */
  provinceOutline: MultiPolygonCoordinates;
  formerDistricts: DemoFormerDistrict[];
  operators: DemoOperator[];
  communes: DemoCommune[];
  sites: DemoSite[];
  clusters: DemoCluster[];
  responders: DemoResponder[];
  incidents: DemoIncidentSpec[];
}

export interface BuildDemoProvinceOptions {
  /** PRNG seed; defaults to DEFAULT_DEMO_SEED. */
  seed?: number;
  /** Number of sites; defaults to 640. Must be between MIN_DEMO_SITE_COUNT and MAX_DEMO_SITE_COUNT. */
  siteCount?: number;
}

export const DEFAULT_DEMO_SEED = 20_251_017;
export const DEFAULT_DEMO_SITE_COUNT = 640;
/** Below this the mandatory sites (P0 set, one BTS per commune per telecom operator, …) do not fit. */
export const MIN_DEMO_SITE_COUNT = 600;
/** Above this the 4-digit Viettel site numbers could run out. */
export const MAX_DEMO_SITE_COUNT = 5000;

// ------------------------------------------------------------------------------- static data

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { code: 'viettel', name: 'Viettel', kind: 'telecom' },
  { code: 'vnpt', name: 'VNPT', kind: 'telecom' },
  { code: 'mobifone', name: 'MobiFone', kind: 'telecom' },
  { code: 'vnpost', name: 'Vietnam Post (VNPost)', kind: 'postal' },
  { code: 'viettelpost', name: 'Viettel Post', kind: 'postal' },
];

const TELECOM: readonly OperatorCode[] = ['viettel', 'vnpt', 'mobifone'];

/** Short labels used inside cluster names. */
const OPERATOR_LABEL: Readonly<Record<OperatorCode, string>> = {
  viettel: 'Viettel',
  vnpt: 'VNPT',
  mobifone: 'MobiFone',
  vnpost: 'VNPost',
  viettelpost: 'Viettel Post',
};

const CITY = 'Thành phố Lạng Sơn';

/**
 * Cluster layout per operator, as lists of former districts (short names). Neighbouring districts
 * are grouped: Viettel keeps one cluster per former district, the others pool smaller ones.
 */
const CLUSTER_LAYOUT: Readonly<Record<OperatorCode, readonly (readonly string[])[]>> = {
  viettel: [
    [CITY], ['Tràng Định'], ['Bình Gia'], ['Văn Lãng'], ['Cao Lộc'], ['Văn Quan'],
    ['Bắc Sơn'], ['Hữu Lũng'], ['Chi Lăng'], ['Lộc Bình'], ['Đình Lập'],
  ],
  vnpt: [
    [CITY, 'Cao Lộc'], ['Tràng Định'], ['Bình Gia'], ['Văn Lãng'], ['Văn Quan'],
    ['Bắc Sơn'], ['Hữu Lũng'], ['Chi Lăng'], ['Lộc Bình', 'Đình Lập'],
  ],
  mobifone: [
    [CITY, 'Cao Lộc'], ['Tràng Định', 'Văn Lãng'], ['Bình Gia', 'Bắc Sơn'],
    ['Văn Quan', 'Chi Lăng'], ['Hữu Lũng'], ['Lộc Bình', 'Đình Lập'],
  ],
  vnpost: [
    [CITY, 'Cao Lộc'], ['Tràng Định', 'Văn Lãng'], ['Bình Gia', 'Văn Quan'],
    ['Bắc Sơn', 'Hữu Lũng'], ['Chi Lăng', 'Lộc Bình', 'Đình Lập'],
  ],
  viettelpost: [
    [CITY, 'Cao Lộc', 'Văn Lãng'], ['Tràng Định', 'Bình Gia', 'Bắc Sơn'],
    ['Văn Quan', 'Chi Lăng', 'Hữu Lũng'], ['Lộc Bình', 'Đình Lập'],
  ],
};

/** Share of all sites per operator (Viettel has the largest network, then VNPT, MobiFone). */
const OPERATOR_SHARE: Readonly<Record<OperatorCode, number>> = {
  viettel: 0.36,
  vnpt: 0.26,
  mobifone: 0.2,
  vnpost: 0.12,
  viettelpost: 0.06,
};

/** Per telecom operator: share of all sites that are transmission / broadband nodes, and P1 hubs. */
const TELECOM_MIX: Readonly<
  Record<'viettel' | 'vnpt' | 'mobifone', { transmission: number; broadband: number; hubDistricts: number; pops: number }>
> = {
  viettel: { transmission: 0.014, broadband: 0.045, hubDistricts: 11, pops: 4 },
  vnpt: { transmission: 0.0125, broadband: 0.06, hubDistricts: 6, pops: 6 },
  mobifone: { transmission: 0.008, broadband: 0.015, hubDistricts: 4, pops: 0 },
};

/** Where transmission nodes go first: the seats of these former districts, in this order. */
const TRANSMISSION_DISTRICT_ORDER = [
  CITY, 'Cao Lộc', 'Tràng Định', 'Hữu Lũng', 'Chi Lăng', 'Lộc Bình',
  'Bình Gia', 'Văn Lãng', 'Văn Quan', 'Bắc Sơn', 'Đình Lập',
];

type VenueKey = 'venue' | 'partyHq' | 'committee' | 'hotelTamThanh' | 'hotelKyLua' | 'press';

/** Event venues in the four wards (positions are invented, inside the former city boundary). */
const VENUES: Readonly<Record<VenueKey, { ward: string; label: string }>> = {
  venue: { ward: 'Đông Kinh', label: 'Trung tâm Hội nghị tỉnh' },
  press: { ward: 'Đông Kinh', label: 'Trung tâm báo chí' },
  partyHq: { ward: 'Lương Văn Tri', label: 'Trụ sở Tỉnh ủy' },
  committee: { ward: 'Lương Văn Tri', label: 'Trụ sở UBND tỉnh' },
  hotelTamThanh: { ward: 'Tam Thanh', label: 'Khách sạn đại biểu Tam Thanh' },
  hotelKyLua: { ward: 'Kỳ Lừa', label: 'Khách sạn đại biểu Kỳ Lừa' },
};

interface P0Template {
  operator: OperatorCode;
  kind: SiteKind;
  venue: VenueKey;
  name: string;
  truck?: boolean;
}

/** The P0 set: sites serving the congress venue, Party/People's Committee offices, hotels, press. */
const P0_SITES: readonly P0Template[] = [
  { operator: 'viettel', kind: 'bts', venue: 'venue', name: 'Trạm BTS Trung tâm Hội nghị tỉnh' },
  { operator: 'viettel', kind: 'bts', venue: 'partyHq', name: 'Trạm BTS Trụ sở Tỉnh ủy' },
  { operator: 'viettel', kind: 'bts', venue: 'committee', name: 'Trạm BTS Trụ sở UBND tỉnh' },
  { operator: 'viettel', kind: 'bts', venue: 'hotelTamThanh', name: 'Trạm BTS Khách sạn đại biểu Tam Thanh' },
  { operator: 'viettel', kind: 'bts', venue: 'press', name: 'Trạm BTS Trung tâm báo chí' },
  { operator: 'viettel', kind: 'broadband_node', venue: 'venue', name: 'Nút OLT Trung tâm Hội nghị tỉnh' },
  { operator: 'viettel', kind: 'bts', venue: 'venue', name: 'Xe BTS lưu động Trung tâm Hội nghị tỉnh', truck: true },
  { operator: 'vnpt', kind: 'bts', venue: 'venue', name: 'Trạm BTS Trung tâm Hội nghị tỉnh' },
  { operator: 'vnpt', kind: 'broadband_node', venue: 'partyHq', name: 'Nút OLT Trụ sở Tỉnh ủy' },
  { operator: 'vnpt', kind: 'broadband_node', venue: 'committee', name: 'Nút OLT Trụ sở UBND tỉnh' },
  { operator: 'vnpt', kind: 'bts', venue: 'hotelKyLua', name: 'Trạm BTS Khách sạn đại biểu Kỳ Lừa' },
  { operator: 'vnpt', kind: 'bts', venue: 'hotelKyLua', name: 'Xe BTS lưu động Khách sạn đại biểu Kỳ Lừa', truck: true },
  { operator: 'mobifone', kind: 'bts', venue: 'venue', name: 'Trạm BTS Trung tâm Hội nghị tỉnh' },
  { operator: 'mobifone', kind: 'bts', venue: 'committee', name: 'Trạm BTS Trụ sở UBND tỉnh' },
  { operator: 'mobifone', kind: 'bts', venue: 'hotelTamThanh', name: 'Trạm BTS Khách sạn đại biểu Tam Thanh' },
  { operator: 'mobifone', kind: 'bts', venue: 'press', name: 'Xe BTS lưu động Trung tâm báo chí', truck: true },
  { operator: 'vnpost', kind: 'postal_point', venue: 'press', name: 'Bưu cục Trung tâm báo chí' },
  { operator: 'vnpost', kind: 'postal_point', venue: 'venue', name: 'Điểm phục vụ bưu chính Trung tâm Hội nghị tỉnh' },
  { operator: 'viettelpost', kind: 'postal_point', venue: 'hotelKyLua', name: 'Điểm giao nhận Viettel Post Khách sạn đại biểu Kỳ Lừa' },
];

const PHONE_PREFIXES: Readonly<Record<OperatorCode, readonly string[]>> = {
  viettel: ['098', '097', '096', '086', '035', '038'],
  vnpt: ['091', '094', '088', '083', '085'],
  mobifone: ['090', '093', '089', '070', '079'],
  vnpost: ['091', '094', '088'],
  viettelpost: ['098', '097', '096', '086'],
};

// Tày and Nùng family names are common in Lạng Sơn; Kinh names too.
const FAMILY_NAMES = [
  'Hoàng', 'Nông', 'Lương', 'Vi', 'Lăng', 'Chu', 'Hà', 'Đinh', 'Lộc', 'Triệu', 'Mã', 'Bế', 'Lục', 'Hứa',
  'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Vũ', 'Đặng', 'Hoàng', 'Nông',
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Tiến', 'Xuân'];
const MALE_GIVEN = [
  'Hùng', 'Dũng', 'Tuấn', 'Cường', 'Thắng', 'Hải', 'Long', 'Sơn', 'Quân', 'Khánh', 'Tùng', 'Phong', 'Nam',
  'Hiếu', 'Trung', 'Toàn', 'Vinh', 'Lâm', 'Thành', 'Bình', 'Đạt', 'Huy', 'Kiên', 'Chiến', 'Tú',
];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh'];
const FEMALE_GIVEN = ['Hoa', 'Lan', 'Hương', 'Mai', 'Thảo', 'Huyền', 'Nga', 'Trang', 'Linh', 'Yến', 'Hằng', 'Phương', 'Thủy'];

// -------------------------------------------------------------------------- data from the JSON

interface ProvinceData {
  province: DemoProvinceInfo;
  outline: MultiPolygonCoordinates;
  districts: DemoFormerDistrict[];
  communes: DemoCommune[];
}

function isDivisionType(value: string): value is DivisionType {
  return value === 'phường' || value === 'xã';
}

/** Validated once at import; the builder copies before returning. */
const DATA: ProvinceData = (() => {
  const province = { code: rawData.province.code, name: rawData.province.name };
  const communes = rawData.units.map((unit): DemoCommune => {
    const divisionType: string = unit.divisionType;
    if (!isDivisionType(divisionType)) throw new Error(`lang-son.json: bad divisionType ${divisionType}`);
    if (!/^\d{5}$/.test(unit.code)) throw new Error(`lang-son.json: bad unit code ${unit.code}`);
    const formerDistrict: string | null = unit.formerDistrict;
    return { code: unit.code, provinceCode: province.code, name: unit.name, divisionType, formerDistrict };
  });
  const districts = rawData.formerDistricts.map(
    (d): DemoFormerDistrict => ({
      code: d.code,
      name: d.name,
      seatCommuneCode: d.seatUnitCode,
      polygon: d.polygon,
    }),
  );
  return { province, outline: rawData.provinceOutline, districts, communes };
})();

// --------------------------------------------------------------------------------- text helpers

/** 'Phường Đông Kinh' → 'Đông Kinh'. */
export function communeShortName(name: string): string {
  return name.replace(/^(xã|phường|thị trấn)\s+/iu, '').trim();
}

/** 'Huyện Tràng Định' → 'Tràng Định'; the city keeps its full name. */
export function districtShortName(name: string): string {
  return name.replace(/^huyện\s+/iu, '').trim();
}

/** Removes Vietnamese diacritics, keeping case: 'Đông Kinh' → 'Dong Kinh'. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function words(label: string): string[] {
  return stripDiacritics(label)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase() + w.slice(1));
}

/** VNPT-style place token: 'Đông Kinh' → 'Dong-Kinh'. */
function dashed(label: string): string {
  return words(label).join('-');
}

/** VNPost-style place token: 'Đông Kinh' → 'DongKinh'. */
function camel(label: string): string {
  return words(label).join('');
}

function slug(label: string): string {
  return stripDiacritics(label)
    .toLowerCase()
    .replace(/thanh pho lang son/g, 'tp-lang-son')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

// ------------------------------------------------------------------------------------- random

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  /** Standard normal (Box–Muller). */
  gaussian(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ------------------------------------------------------------------------------------ geometry

interface Area {
  polygon: MultiPolygonCoordinates;
  box: BoundingBox;
  /** Other former districts: a point is rejected if it falls in one (simplified borders overlap). */
  others: { polygon: MultiPolygonCoordinates; box: BoundingBox }[];
}

interface Point {
  lon: number;
  lat: number;
}

const inBox = (box: BoundingBox, p: Point): boolean =>
  p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat;

class Placer {
  private readonly areas = new Map<string, Area>();
  private readonly provinceArea: Area;

  constructor(
    private readonly random: Random,
    private readonly outline: MultiPolygonCoordinates,
    districts: readonly DemoFormerDistrict[],
  ) {
    for (const d of districts) {
      this.areas.set(d.name, {
        polygon: d.polygon,
        box: boundingBox(d.polygon),
        others: districts.filter((o) => o.name !== d.name).map((o) => ({ polygon: o.polygon, box: boundingBox(o.polygon) })),
      });
    }
    this.provinceArea = { polygon: outline, box: boundingBox(outline), others: [] };
  }

  private area(district: string | null): Area {
    return (district !== null ? this.areas.get(district) : undefined) ?? this.provinceArea;
  }

  accepts(district: string | null, p: Point): boolean {
    const area = this.area(district);
    const at: [number, number] = [p.lon, p.lat];
    return (
      pointInMultiPolygon(at, area.polygon) &&
      pointInMultiPolygon(at, this.outline) &&
      !area.others.some((other) => inBox(other.box, p) && pointInMultiPolygon(at, other.polygon))
    );
  }

  /** Uniform rejection sampling inside the district. */
  uniform(district: string | null): Point {
    const { box } = this.area(district);
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const p = {
        lon: box.minLon + this.random.float() * (box.maxLon - box.minLon),
        lat: box.minLat + this.random.float() * (box.maxLat - box.minLat),
      };
      if (this.accepts(district, p)) return p;
    }
    throw new Error(`could not sample a point inside ${district ?? 'the province'}`);
  }

  /** Gaussian around a centre, rejected until inside the district; falls back to uniform. */
  near(district: string | null, centre: Point, sigmaKm: number): Point {
    const k = kmPerDegree(centre.lat);
    for (let attempt = 0; attempt < 200; attempt++) {
      const p = {
        lon: centre.lon + (this.random.gaussian() * sigmaKm) / k.lon,
        lat: centre.lat + (this.random.gaussian() * sigmaKm) / k.lat,
      };
      if (this.accepts(district, p)) return p;
    }
    return this.uniform(district);
  }

  /** `count` well-spread points in the district (greedy farthest-point over random candidates). */
  spread(district: string | null, count: number): Point[] {
    const candidates = Array.from({ length: Math.max(40, count * 40) }, () => this.uniform(district));
    const chosen: Point[] = [candidates[0]];
    const km = kmPerDegree(candidates[0].lat);
    const dist2 = (a: Point, b: Point) => ((a.lon - b.lon) * km.lon) ** 2 + ((a.lat - b.lat) * km.lat) ** 2;
    while (chosen.length < count) {
      let best = candidates[0];
      let bestD = -1;
      for (const c of candidates) {
        const d = Math.min(...chosen.map((q) => dist2(c, q)));
        if (d > bestD) {
          bestD = d;
          best = c;
        }
      }
      chosen.push(best);
    }
    return chosen;
  }

  /** Typical commune radius in km, for the spread of sites around a commune centre. */
  communeSigmaKm(district: string | null, communeCount: number): number {
    const area = this.area(district);
    const k = kmPerDegree((area.box.minLat + area.box.maxLat) / 2);
    const km2 = multiPolygonAreaDeg2(area.polygon) * k.lon * k.lat;
    return Math.sqrt(km2 / Math.max(1, communeCount)) / 2.5;
  }
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

// ------------------------------------------------------------------------------------ sites

type Role = 'p0' | 'truck' | 'hub' | 'bts' | 'olt' | 'pop' | 'transmission' | 'postHub' | 'postOffice' | 'postPoint';

interface Slot {
  operator: OperatorCode;
  kind: SiteKind;
  role: Role;
  communeCode: string;
  priority: PriorityTier;
  /** Fixed name (P0 set); otherwise derived from the commune. */
  name?: string;
  venue?: VenueKey;
}

const ROLE_ORDER: Readonly<Record<Role, number>> = {
  p0: 0, hub: 1, pop: 2, transmission: 3, bts: 4, olt: 5, postHub: 6, postOffice: 7, postPoint: 8, truck: 9,
};

interface Context {
  random: Random;
  communes: DemoCommune[];
  byCode: Map<string, DemoCommune>;
  districts: DemoFormerDistrict[];
  districtOf: (communeCode: string) => DemoFormerDistrict | undefined;
  seatOf: Map<string, string>; // district name → seat commune code
  weight: (commune: DemoCommune) => number;
}

function planSlots(ctx: Context, total: number): Slot[] {
  const { random, communes } = ctx;
  const wardByShort = new Map(
    communes.filter((c) => c.divisionType === 'phường').map((c) => [communeShortName(c.name), c.code]),
  );
  const wardCode = (short: string): string => {
    const code = wardByShort.get(short);
    if (code === undefined) throw new Error(`ward ${short} missing from lang-son.json`);
    return code;
  };
  const seatByShort = (short: string): string | undefined =>
    ctx.seatOf.get(short === CITY ? CITY : `Huyện ${short}`);
  const cityWards = communes.filter((c) => c.divisionType === 'phường').map((c) => c.code);

  const target = new Map<OperatorCode, number>();
  let assigned = 0;
  for (const op of DEMO_OPERATORS) {
    const n = Math.round(total * OPERATOR_SHARE[op.code]);
    target.set(op.code, n);
    assigned += n;
  }
  target.set('viettel', (target.get('viettel') ?? 0) + (total - assigned));

  const slots: Slot[] = [];
  const add = (slot: Slot) => slots.push(slot);

  for (const t of P0_SITES) {
    add({
      operator: t.operator,
      kind: t.kind,
      role: t.truck ? 'truck' : 'p0',
      communeCode: wardCode(VENUES[t.venue].ward),
      priority: 'P0',
      name: t.name,
      venue: t.venue,
    });
  }

  const districtsShuffled = random.shuffle(ctx.districts.filter((d) => d.name !== CITY));
  const count = (op: OperatorCode) => slots.filter((s) => s.operator === op).length;

  for (const op of TELECOM) {
    const mix = TELECOM_MIX[op as 'viettel' | 'vnpt' | 'mobifone'];
    const hubDistricts = [ctx.districts.find((d) => d.name === CITY), ...districtsShuffled]
      .filter((d): d is DemoFormerDistrict => d !== undefined)
      .slice(0, mix.hubDistricts);
    for (const d of hubDistricts) {
      if (d.seatCommuneCode) add({ operator: op, kind: 'bts', role: 'hub', communeCode: d.seatCommuneCode, priority: 'P1' });
    }
    const popDistricts = [ctx.districts.find((d) => d.name === CITY), ...random.shuffle(districtsShuffled)]
      .filter((d): d is DemoFormerDistrict => d !== undefined)
      .slice(0, mix.pops);
    for (const d of popDistricts) {
      if (d.seatCommuneCode) {
        add({ operator: op, kind: 'broadband_node', role: 'pop', communeCode: d.seatCommuneCode, priority: 'P1' });
      }
    }
    const transmissions = Math.max(1, Math.round(total * mix.transmission));
    for (let i = 0; i < transmissions; i++) {
      const seat = i < TRANSMISSION_DISTRICT_ORDER.length ? seatByShort(TRANSMISSION_DISTRICT_ORDER[i]) : undefined;
      const communeCode = seat ?? random.weighted(communes, ctx.weight).code;
      add({ operator: op, kind: 'transmission_node', role: 'transmission', communeCode, priority: 'P1' });
    }
    // Every commune is covered by every telecom operator: at least one ordinary BTS each.
    for (const c of communes) add({ operator: op, kind: 'bts', role: 'bts', communeCode: c.code, priority: 'P2' });
    const broadbandTotal = Math.round(total * mix.broadband);
    const broadbandSoFar = slots.filter((s) => s.operator === op && s.kind === 'broadband_node').length;
    for (let i = broadbandSoFar; i < broadbandTotal; i++) {
      // Fixed broadband follows population: wards and former district seats first.
      const communeCode = i - broadbandSoFar < cityWards.length ? cityWards[i - broadbandSoFar] : random.weighted(communes, ctx.weight).code;
      add({ operator: op, kind: 'broadband_node', role: 'olt', communeCode, priority: 'P2' });
    }
    const btsTarget = target.get(op) ?? 0;
    while (count(op) < btsTarget) {
      add({ operator: op, kind: 'bts', role: 'bts', communeCode: random.weighted(communes, ctx.weight).code, priority: 'P2' });
    }
  }

  // VNPost: 100 % of communes have a postal service point; a provincial hub; more in towns.
  add({ operator: 'vnpost', kind: 'postal_point', role: 'postHub', communeCode: cityWards[1] ?? cityWards[0], priority: 'P1' });
  for (const c of communes) add({ operator: 'vnpost', kind: 'postal_point', role: 'postOffice', communeCode: c.code, priority: 'P2' });
  while (count('vnpost') < (target.get('vnpost') ?? 0)) {
    add({ operator: 'vnpost', kind: 'postal_point', role: 'postPoint', communeCode: random.weighted(communes, ctx.weight).code, priority: 'P2' });
  }
  // Viettel Post: a sorting hub, one office per former district seat, then delivery points.
  add({ operator: 'viettelpost', kind: 'postal_point', role: 'postHub', communeCode: cityWards[3] ?? cityWards[0], priority: 'P1' });
  for (const d of ctx.districts) {
    if (d.seatCommuneCode) add({ operator: 'viettelpost', kind: 'postal_point', role: 'postOffice', communeCode: d.seatCommuneCode, priority: 'P2' });
  }
  while (count('viettelpost') < (target.get('viettelpost') ?? 0)) {
    add({ operator: 'viettelpost', kind: 'postal_point', role: 'postPoint', communeCode: random.weighted(communes, ctx.weight).code, priority: 'P2' });
  }
  // Rounding may leave the total short (never over: targets sum to `total`); top up with Viettel BTS.
  while (slots.length < total) {
    add({ operator: 'viettel', kind: 'bts', role: 'bts', communeCode: random.weighted(communes, ctx.weight).code, priority: 'P2' });
  }
  return slots;
}

class Namer {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();
  private viettelSite = 0;
  private mobifoneSite = 0;
  private viettelPost = 0;
  private trucks = new Map<OperatorCode, number>();

  constructor(private readonly random: Random) {}

  /** 1, 2, 3… per key. */
  next(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  unique(code: string): string {
    if (this.used.has(code)) throw new Error(`duplicate site code ${code}`);
    this.used.add(code);
    return code;
  }

  private truck(op: OperatorCode): number {
    const n = (this.trucks.get(op) ?? 0) + 1;
    this.trucks.set(op, n);
    return n;
  }

  /** VNPT style: 'Dong-Kinh_LSN', then 'Dong-Kinh-2_LSN'. */
  private vnpt(prefix: string, place: string): string {
    const base = `${prefix}${dashed(place)}`;
    const n = this.next(`vnpt:${base}`);
    return `${base}${n > 1 ? `-${n}` : ''}_LSN`;
  }

  code(slot: Slot, place: string): string {
    const r = this.random;
    switch (slot.operator) {
      case 'viettel':
        if (slot.role === 'truck') return this.unique(`LSN${pad(9900 + this.truck('viettel'), 4)}-01`);
        if (slot.kind === 'bts') {
          this.viettelSite += r.int(1, 3);
          return this.unique(`LSN${pad(this.viettelSite, 4)}-${r.pick(['11', '12', '13', '21', '22', '31'])}`);
        }
        if (slot.kind === 'transmission_node') return this.unique(`LSN-TD-${pad(this.next('vt:td'), 3)}`);
        {
          const prefix = slot.role === 'pop' ? 'POP' : 'OLT';
          return this.unique(`LSN-${prefix}-${pad(this.next(`vt:${prefix}`), 3)}`);
        }
      case 'vnpt':
        if (slot.role === 'truck') return this.unique(this.vnpt('', 'Xe lưu động'));
        if (slot.kind === 'bts') return this.unique(this.vnpt('', place));
        if (slot.kind === 'transmission_node') return this.unique(this.vnpt('TD_', place));
        return this.unique(this.vnpt(slot.role === 'pop' ? 'POP_' : 'OLT_', place));
      case 'mobifone':
        if (slot.role === 'truck') return this.unique(`LSN_MF_${pad(9900 + this.truck('mobifone'), 4)}`);
        if (slot.kind === 'bts') {
          this.mobifoneSite += r.int(1, 3);
          return this.unique(`LSN_MF_${pad(this.mobifoneSite, 4)}`);
        }
        if (slot.kind === 'transmission_node') return this.unique(`LSN_MF_TD_${pad(this.next('mf:td'), 2)}`);
        return this.unique(`LSN_MF_OLT_${pad(this.next('mf:olt'), 2)}`);
      case 'vnpost': {
        const token = camel(place);
        return this.unique(`BC-${token}-${pad(this.next(`bc:${token}`), 2)}`);
      }
      case 'viettelpost':
        this.viettelPost += 1;
        return this.unique(`VTP-LSN-${pad(this.viettelPost, 3)}`);
    }
  }

  /** Name with a running number per operator and base name when it repeats. */
  numbered(op: OperatorCode, base: string, alwaysNumber = false): string {
    const n = this.next(`name:${op}:${base}`);
    return alwaysNumber || n > 1 ? `${base} ${n}` : base;
  }
}

function buildSites(ctx: Context, placer: Placer, slots: Slot[]): DemoSite[] {
  const { random } = ctx;
  const namer = new Namer(random);
  const districtOrder = new Map(ctx.districts.map((d, i) => [d.name, i]));
  const opOrder = new Map(DEMO_OPERATORS.map((o, i) => [o.code, i]));
  const districtRank = (communeCode: string): number =>
    districtOrder.get(ctx.byCode.get(communeCode)?.formerDistrict ?? '') ?? 99;
  const sorted = slots
    .map((slot, index) => ({ slot, index, district: districtRank(slot.communeCode) }))
    .sort((a, b) => {
      const da = a.district;
      const db = b.district;
      return (
        (opOrder.get(a.slot.operator) ?? 0) - (opOrder.get(b.slot.operator) ?? 0) ||
        da - db ||
        a.slot.communeCode.localeCompare(b.slot.communeCode) ||
        ROLE_ORDER[a.slot.role] - ROLE_ORDER[b.slot.role] ||
        a.index - b.index
      );
    })
    .map((x) => x.slot);

  // Commune centres: spread inside each former district.
  const centres = new Map<string, Point>();
  const sigma = new Map<string, number>();
  for (const d of [...ctx.districts.map((x) => x.name), null]) {
    const members = ctx.communes.filter((c) => c.formerDistrict === d || (d === null && !districtOrder.has(c.formerDistrict ?? '')));
    if (members.length === 0) continue;
    const points = placer.spread(d, members.length);
    const s = placer.communeSigmaKm(d, members.length);
    members.forEach((c, i) => {
      centres.set(c.code, points[i]);
      sigma.set(c.code, s);
    });
  }
  // Venue positions: around the first ward's centre (the city centre), a few hundred metres apart.
  const cityCentre = centres.get(ctx.communes.find((c) => c.divisionType === 'phường')?.code ?? '') ?? placer.uniform(CITY);
  const venuePoints = new Map<VenueKey, Point>();
  for (const key of Object.keys(VENUES) as VenueKey[]) venuePoints.set(key, placer.near(CITY, cityCentre, 1.2));

  return sorted.map((slot): DemoSite => {
    const commune = ctx.byCode.get(slot.communeCode);
    if (!commune) throw new Error(`unknown commune ${slot.communeCode}`);
    const district = commune.formerDistrict;
    const place = communeShortName(commune.name);
    const districtShort = districtShortName(ctx.districtOf(commune.code)?.name ?? place);
    const isSeat = [...ctx.seatOf.values()].includes(commune.code);
    const placeForCode = slot.venue ? VENUES[slot.venue].label : place;

    let name: string;
    switch (slot.role) {
      case 'p0':
      case 'truck':
        name = slot.name ?? place;
        break;
      case 'hub':
        name = namer.numbered(slot.operator, `Trạm BTS hub ${place}`);
        break;
      case 'bts':
        name = namer.numbered(slot.operator, `Trạm BTS ${place}`, true);
        break;
      case 'pop':
        name = namer.numbered(slot.operator, `Nút POP ${districtShort}`);
        break;
      case 'olt':
        name = namer.numbered(slot.operator, `Nút OLT ${place}`);
        break;
      case 'transmission':
        name = namer.numbered(slot.operator, random.float() < 0.3 ? `Trạm viba ${place}` : `Nút truyền dẫn ${place}`);
        break;
      case 'postHub':
        name = slot.operator === 'vnpost' ? 'Trung tâm Khai thác Vận chuyển Bưu điện tỉnh Lạng Sơn' : 'Trung tâm khai thác Viettel Post Lạng Sơn';
        break;
      case 'postOffice':
        name =
          slot.operator === 'viettelpost'
            ? namer.numbered(slot.operator, `Bưu cục Viettel Post ${place}`)
            : namer.numbered(slot.operator, commune.divisionType === 'phường' || isSeat ? `Bưu cục ${place}` : `Điểm BĐVHX ${place}`);
        break;
      case 'postPoint':
        name =
          slot.operator === 'viettelpost'
            ? namer.numbered(slot.operator, `Điểm giao nhận Viettel Post ${place}`)
            : namer.numbered(slot.operator, commune.divisionType === 'phường' || isSeat ? `Bưu cục ${place}` : `Điểm BĐVHX ${place}`);
        break;
    }
    const code = namer.code(slot, slot.role === 'postHub' ? 'Lạng Sơn' : placeForCode);

    const venuePoint = slot.venue ? venuePoints.get(slot.venue) : undefined;
    const centre = centres.get(commune.code);
    const point = venuePoint
      ? placer.near(district, venuePoint, 0.15)
      : centre
        ? placer.near(district, centre, sigma.get(commune.code) ?? 2)
        : placer.uniform(district);
    return {
      code,
      name,
      kind: slot.kind,
      operatorCode: slot.operator,
      communeCode: commune.code,
      latitude: round6(point.lat),
      longitude: round6(point.lon),
      priority: slot.priority,
    };
  });
}

// ---------------------------------------------------------------------- clusters & responders

function buildClusters(ctx: Context): DemoCluster[] {
  const clusters: DemoCluster[] = [];
  for (const op of DEMO_OPERATORS) {
    const layout = CLUSTER_LAYOUT[op.code];
    const postal = op.kind === 'postal';
    layout.forEach((group, index) => {
      const districtNames = group.map((short) => (short === CITY ? CITY : `Huyện ${short}`));
      const communeCodes = ctx.communes
        .filter((c) =>
          c.formerDistrict !== null && ctx.districts.some((d) => d.name === c.formerDistrict)
            ? districtNames.includes(c.formerDistrict)
            : index === 0, // a unit without a known former district goes to the first cluster
        )
        .map((c) => c.code);
      clusters.push({
        key: `${op.code}-${group.map(slug).join('-')}`,
        name: `${postal ? 'Cụm bưu chính' : 'Cụm kỹ thuật'} ${OPERATOR_LABEL[op.code]} ${group.join(' – ')}`,
        operatorCode: op.code,
        communeCodes,
      });
    });
  }
  return clusters;
}

function buildResponders(random: Random, clusters: readonly DemoCluster[]): DemoResponder[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const responders: DemoResponder[] = [];
  for (const cluster of clusters) {
    const count = random.int(2, 4);
    for (let i = 1; i <= count; i++) {
      let name = '';
      do {
        const female = random.float() < 0.2;
        name = [
          random.pick(FAMILY_NAMES),
          random.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE),
          random.pick(female ? FEMALE_GIVEN : MALE_GIVEN),
        ].join(' ');
      } while (names.has(name));
      names.add(name);
      let phone = '';
      do {
        phone = random.pick(PHONE_PREFIXES[cluster.operatorCode]) + pad(random.int(0, 9_999_999), 7);
      } while (phones.has(phone) || /^0\d\d0000/.test(phone));
      phones.add(phone);
      responders.push({
        key: `${cluster.key}-${i}`,
        name,
        phone,
        operatorCode: cluster.operatorCode,
        clusterKey: cluster.key,
      });
    }
  }
  return responders;
}

// ------------------------------------------------------------------------------------ incidents

interface IncidentTemplate {
  find: (site: DemoSite) => boolean;
  category: IncidentCategory;
  severity: Severity;
  description: (site: DemoSite, place: string, district: string) => string;
  reportedMinutesAgo: number;
  status: IncidentStatus;
  assign: number;
  comments: (place: string, district: string) => string[];
}

const STORM_DISTRICT = 'Huyện Tràng Định';

function incidentTemplates(ctx: Context): IncidentTemplate[] {
  const inDistrict = (site: DemoSite, name: string) => ctx.districtOf(site.communeCode)?.name === name;
  const p0 = (op: OperatorCode, name: string) => (s: DemoSite) => s.priority === 'P0' && s.operatorCode === op && s.name === name;
  const ordinaryBts = (op: OperatorCode, district: string) => (s: DemoSite) =>
    s.operatorCode === op && s.kind === 'bts' && s.priority === 'P2' && inDistrict(s, district);
  const isWard = (s: DemoSite) => ctx.byCode.get(s.communeCode)?.divisionType === 'phường';

  return [
    // --- a storm: one 35 kV feeder in Tràng Định trips, five BTS lose mains within 9 minutes
    {
      find: (s) => s.operatorCode === 'viettel' && s.name.startsWith('Trạm BTS hub') && inDistrict(s, STORM_DISTRICT),
      category: 'mains_failure', severity: 'critical', reportedMinutesAgo: 41, status: 'in_progress', assign: 2,
      description: (_s, place) => `Mất điện lưới tại trạm hub ${place}, trạm đang chạy ắc quy, dự kiến còn khoảng 2 giờ; 6 trạm phía sau truyền dẫn qua hub`,
      comments: (_p, d) => [
        `Điện lực ${d} xác nhận sự cố xuất tuyến 35 kV, chưa có thời gian cấp điện trở lại`,
        'Đã điều 01 máy phát điện từ kho, dự kiến có mặt tại trạm sau 40 phút',
      ],
    },
    {
      find: ordinaryBts('viettel', STORM_DISTRICT),
      category: 'mains_failure', severity: 'major', reportedMinutesAgo: 39, status: 'acknowledged', assign: 0,
      description: () => 'Mất điện lưới, trạm đang chạy ắc quy, dự kiến còn khoảng 3 giờ',
      comments: () => ['Cùng xuất tuyến với trạm hub, chờ điện lực khôi phục'],
    },
    {
      find: ordinaryBts('viettel', STORM_DISTRICT),
      category: 'mains_failure', severity: 'major', reportedMinutesAgo: 37, status: 'reported', assign: 0,
      description: () => 'Cảnh báo mất điện AC và điện áp DC thấp (47,2 V), ắc quy dự kiến còn khoảng 1 giờ',
      comments: () => [],
    },
    {
      find: ordinaryBts('vnpt', STORM_DISTRICT),
      category: 'mains_failure', severity: 'major', reportedMinutesAgo: 35, status: 'reported', assign: 0,
      description: () => 'Mất điện lưới cùng thời điểm với các trạm lân cận, trạm chuyển sang chạy ắc quy',
      comments: () => [],
    },
    {
      find: ordinaryBts('mobifone', STORM_DISTRICT),
      category: 'mains_failure', severity: 'critical', reportedMinutesAgo: 32, status: 'reported', assign: 0,
      description: (_s, place) => `Trạm mất liên lạc sau khi mất điện lưới, ắc quy đã cạn; mất sóng một phần xã ${place}`,
      comments: () => [],
    },
    // --- P0 sites during the congress
    {
      find: p0('viettel', 'Trạm BTS Trung tâm Hội nghị tỉnh'),
      category: 'congestion', severity: 'major', reportedMinutesAgo: 25, status: 'in_progress', assign: 2,
      description: () => 'Lưu lượng tăng đột biến tại Trung tâm Hội nghị tỉnh trong phiên khai mạc, tỷ lệ rớt cuộc gọi 2,8 %',
      comments: () => ['Đã tối ưu tham số cell và kích hoạt thêm sóng mang', 'Đề nghị đưa xe BTS lưu động vào vị trí dự phòng phía cổng chính'],
    },
    {
      find: p0('vnpt', 'Nút OLT Trụ sở Tỉnh ủy'),
      category: 'fibre_cut', severity: 'critical', reportedMinutesAgo: 18, status: 'acknowledged', assign: 0,
      description: () => 'Mất tín hiệu tuyến cáp quang nhánh cấp cho Trụ sở Tỉnh ủy, dịch vụ đã chuyển sang tuyến dự phòng',
      comments: () => ['Đội cơ động đang dò điểm đứt bằng máy OTDR'],
    },
    {
      find: p0('mobifone', 'Trạm BTS Khách sạn đại biểu Tam Thanh'),
      category: 'overheating', severity: 'minor', reportedMinutesAgo: 4, status: 'reported', assign: 0,
      description: () => 'Điều hòa phòng máy hỏng, nhiệt độ phòng máy 36 °C và đang tăng',
      comments: () => [],
    },
    {
      find: p0('viettel', 'Xe BTS lưu động Trung tâm Hội nghị tỉnh'),
      category: 'generator', severity: 'major', reportedMinutesAgo: 12, status: 'reported', assign: 0,
      description: () => 'Máy phát điện trên xe BTS lưu động báo lỗi, xe đang chạy ắc quy dự phòng',
      comments: () => [],
    },
    {
      find: p0('vnpost', 'Bưu cục Trung tâm báo chí'),
      category: 'postal_disruption', severity: 'minor', reportedMinutesAgo: 95, status: 'resolved', assign: 1,
      description: () => 'Mất kết nối phần mềm chấp nhận bưu gửi tại Bưu cục Trung tâm báo chí',
      comments: () => ['Đã chuyển sang chấp nhận thủ công, không ảnh hưởng phóng viên gửi tài liệu', 'Đã khôi phục kết nối sau khi thay bộ chuyển mạch'],
    },
    {
      find: p0('viettel', 'Trạm BTS Trụ sở UBND tỉnh'),
      category: 'equipment', severity: 'critical', reportedMinutesAgo: 150, status: 'in_progress', assign: 1,
      description: () => 'Card xử lý băng gốc lỗi, trạm Trụ sở UBND tỉnh mất sóng; vùng phủ tạm do các trạm lân cận đảm nhận',
      comments: () => ['Đã báo cáo nhanh lãnh đạo Sở', 'Card thay thế đang được chuyển từ kho Hà Nội, dự kiến 2 giờ nữa tới nơi'],
    },
    // --- past their deadlines
    {
      find: (s) => s.kind === 'transmission_node' && inDistrict(s, 'Huyện Cao Lộc'),
      category: 'fibre_cut', severity: 'critical', reportedMinutesAgo: 300, status: 'in_progress', assign: 2,
      description: () => 'Đứt cáp quang tuyến Đồng Đăng – Cao Lộc do thi công đường, 12 trạm phía sau mất truyền dẫn',
      comments: () => [
        'Đã xác định điểm đứt cách nút khoảng 3,2 km, đơn vị thi công đã dừng máy',
        'Đang hàn nối 48 sợi, dự kiến xong sau 1 giờ',
        'Đã định tuyến lại 5 trạm qua viba dự phòng',
      ],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Đình Lập'),
      category: 'low_battery', severity: 'major', reportedMinutesAgo: 75, status: 'reported', assign: 0,
      description: () => 'Ắc quy yếu, điện áp DC 46,8 V, trạm có nguy cơ mất liên lạc trong khoảng 30 phút',
      comments: () => [],
    },
    // --- the rest of a normal day
    {
      find: (s) => s.kind === 'transmission_node' && s.communeCode === ctx.seatOf.get('Huyện Bình Gia'),
      category: 'microwave_transmission', severity: 'major', reportedMinutesAgo: 50, status: 'acknowledged', assign: 0,
      description: (_s, place) => `Suy hao tuyến viba ${place} – Thiện Long, tỷ lệ lỗi bit tăng cao, nghi do mưa lớn`,
      comments: () => ['Theo dõi thêm 30 phút, nếu không cải thiện sẽ cử người lên cân chỉnh anten'],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Lộc Bình'),
      category: 'generator', severity: 'major', reportedMinutesAgo: 110, status: 'in_progress', assign: 1,
      description: () => 'Máy nổ không khởi động được khi mất điện lưới, đã cử nhân viên mang máy phát dự phòng lên trạm',
      comments: () => ['Nhân viên đã tới trạm, đang kiểm tra bộ đề'],
    },
    {
      find: ordinaryBts('vnpt', 'Huyện Bắc Sơn'),
      category: 'flooding_tower_damage', severity: 'major', reportedMinutesAgo: 240, status: 'in_progress', assign: 1,
      description: () => 'Sạt lở taluy dương sau mưa lớn, đe dọa móng cột anten; trạm vẫn phát sóng',
      comments: () => ['Đã đặt biển cảnh báo, đề nghị UBND xã hỗ trợ phương tiện gia cố'],
    },
    {
      find: ordinaryBts('mobifone', 'Huyện Văn Quan'),
      category: 'vandalism_theft', severity: 'minor', reportedMinutesAgo: 2880, status: 'closed', assign: 1,
      description: () => 'Mất trộm 04 bình ắc quy tại trạm, phát hiện khi kiểm tra định kỳ',
      comments: () => ['Đã trình báo Công an xã', 'Đã lắp bổ sung ắc quy và thay khóa tủ nguồn'],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Văn Lãng'),
      category: 'equipment', severity: 'minor', reportedMinutesAgo: 320, status: 'resolved', assign: 1,
      description: () => 'Lỗi khối RRU sector 2, vùng phủ phía bắc trạm giảm',
      comments: () => ['Đã thay RRU, các chỉ số KPI trở lại bình thường'],
    },
    {
      find: (s) => s.operatorCode === 'vnpt' && s.kind === 'broadband_node' && s.priority === 'P2' && isWard(s),
      category: 'cyber_security', severity: 'major', reportedMinutesAgo: 35, status: 'acknowledged', assign: 0,
      description: () => 'Phát hiện nhiều lần đăng nhập trái phép vào giao diện quản trị thiết bị OLT, đã khóa tài khoản và đổi mật khẩu',
      comments: () => ['Đã gửi báo cáo ban đầu theo quy định'],
    },
    {
      find: (s) => s.operatorCode === 'vnpost' && inDistrict(s, 'Huyện Đình Lập'),
      category: 'postal_disruption', severity: 'minor', reportedMinutesAgo: 600, status: 'reopened', assign: 1,
      description: () => 'Xe thư tuyến Lạng Sơn – Đình Lập chậm khoảng 3 giờ do sạt lở đường',
      comments: () => ['Đã đi đường vòng, bưu gửi đã tới nơi', 'Tuyến tiếp tục bị chậm sáng nay, mở lại sự cố'],
    },
    {
      find: (s) => s.operatorCode === 'vnpt' && s.kind === 'bts' && s.priority === 'P2' && ctx.byCode.get(s.communeCode)?.name === 'Phường Kỳ Lừa',
      category: 'congestion', severity: 'warning', reportedMinutesAgo: 1440, status: 'closed', assign: 0,
      description: () => 'Nghẽn mạng khu vực chợ Kỳ Lừa vào giờ cao điểm',
      comments: () => ['Đã cân bằng tải sang trạm lân cận, lưu lượng ổn định'],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Hữu Lũng'),
      category: 'equipment', severity: 'major', reportedMinutesAgo: 400, status: 'reopened', assign: 1,
      description: () => 'Trạm mất liên lạc lặp lại sau khi đã khởi động lại thiết bị truyền dẫn',
      comments: () => ['Đã khởi động lại thiết bị, trạm lên sóng', 'Trạm lại mất liên lạc sau 2 giờ, mở lại để thay thiết bị'],
    },
  ];
}

function buildIncidents(
  ctx: Context,
  sites: readonly DemoSite[],
  clusters: readonly DemoCluster[],
  responders: readonly DemoResponder[],
): DemoIncidentSpec[] {
  const { random } = ctx;
  const used = new Set<string>();
  const out: DemoIncidentSpec[] = [];
  incidentTemplates(ctx).forEach((t) => {
    const candidates = sites.filter((s) => !used.has(s.code) && t.find(s));
    if (candidates.length === 0) return; // cannot happen with the mandatory sites; keep the builder total
    const site = random.pick(candidates);
    used.add(site.code);
    const cluster = clusters.find((c) => c.operatorCode === site.operatorCode && c.communeCodes.includes(site.communeCode));
    const staff = responders.filter((r) => r.clusterKey === cluster?.key);
    const commune = ctx.byCode.get(site.communeCode);
    const place = communeShortName(commune?.name ?? '');
    const district = districtShortName(ctx.districtOf(site.communeCode)?.name ?? '');
    out.push({
      key: `demo-${pad(out.length + 1, 2)}`,
      siteCode: site.code,
      category: t.category,
      severity: t.severity,
      description: t.description(site, place, district),
      reporterName: staff.length > 0 ? random.pick(staff).name : 'Trực ca trung tâm điều hành',
      reportedMinutesAgo: t.reportedMinutesAgo,
      status: t.status,
      assignResponderCount: Math.min(t.assign, staff.length),
      comments: t.comments(place, district),
    });
  });
  return out;
}

// ------------------------------------------------------------------------------------- builder

/**
 * Builds the whole demo province. Pure and deterministic for a given `seed` and `siteCount`.
 * @throws RangeError when siteCount is outside [MIN_DEMO_SITE_COUNT, MAX_DEMO_SITE_COUNT].
 */
export function buildDemoProvince(options: BuildDemoProvinceOptions = {}): DemoProvince {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const siteCount = options.siteCount ?? DEFAULT_DEMO_SITE_COUNT;
  if (!Number.isInteger(siteCount) || siteCount < MIN_DEMO_SITE_COUNT || siteCount > MAX_DEMO_SITE_COUNT) {
    throw new RangeError(`siteCount must be an integer in [${MIN_DEMO_SITE_COUNT}, ${MAX_DEMO_SITE_COUNT}]`);
  }
  const random = new Random(seed);
  const communes = DATA.communes.map((c) => ({ ...c }));
  const districts = DATA.districts.map((d) => ({ ...d }));
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const districtByName = new Map(districts.map((d) => [d.name, d]));
  const seatOf = new Map<string, string>();
  for (const d of districts) if (d.seatCommuneCode) seatOf.set(d.name, d.seatCommuneCode);
  const seats = new Set(seatOf.values());
  const ctx: Context = {
    random,
    communes,
    byCode,
    districts,
    districtOf: (code) => districtByName.get(byCode.get(code)?.formerDistrict ?? ''),
    seatOf,
    weight: (c) => (c.divisionType === 'phường' ? 5 : seats.has(c.code) ? 3 : 1),
  };

  const placer = new Placer(random, DATA.outline, districts);
  const slots = planSlots(ctx, siteCount);
  const sites = buildSites(ctx, placer, slots);
  const clusters = buildClusters(ctx);
  const responders = buildResponders(random, clusters);
  const incidents = buildIncidents(ctx, sites, clusters, responders);

  return {
    seed,
    province: { ...DATA.province },
    provinceOutline: DATA.outline,
    formerDistricts: districts,
    operators: DEMO_OPERATORS.map((o) => ({ ...o })),
    communes,
    sites,
    clusters,
    responders,
    incidents,
  };
}
