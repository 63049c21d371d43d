/** Sites: how many of each kind go where (the P0 set first), their codes in each operator's style, names and positions. */
import type { OperatorCode, PriorityTier, SiteKind } from '@netduty/contracts';
import { type Context, type DemoFormerDistrict, type DemoSite } from './types';
import { Random } from './random';
import { pad, words } from './text';
import { DEMO_OPERATORS, TELECOM } from './operators';
import { CITY, Placer, type Point, communeShortName, districtShortName, round6 } from './places';

/** Share of all sites per operator (Viettel has the largest network, then VNPT, MobiFone). */
export const OPERATOR_SHARE: Readonly<Record<OperatorCode, number>> = {
  viettel: 0.36,
  vnpt: 0.26,
  mobifone: 0.2,
  vnpost: 0.12,
  viettelpost: 0.06,
};

/** Per telecom operator: share of all sites that are transmission / broadband nodes, and P1 hubs. */
export const TELECOM_MIX: Readonly<
  Record<'viettel' | 'vnpt' | 'mobifone', { transmission: number; broadband: number; hubDistricts: number; pops: number }>
> = {
  viettel: { transmission: 0.014, broadband: 0.045, hubDistricts: 11, pops: 4 },
  vnpt: { transmission: 0.0125, broadband: 0.06, hubDistricts: 6, pops: 6 },
  mobifone: { transmission: 0.008, broadband: 0.015, hubDistricts: 4, pops: 0 },
};

/** Where transmission nodes go first: the seats of these former districts, in this order. */
export const TRANSMISSION_DISTRICT_ORDER = [
  CITY, 'Cao Lộc', 'Tràng Định', 'Hữu Lũng', 'Chi Lăng', 'Lộc Bình',
  'Bình Gia', 'Văn Lãng', 'Văn Quan', 'Bắc Sơn', 'Đình Lập',
];

export type VenueKey = 'venue' | 'partyHq' | 'committee' | 'hotelTamThanh' | 'hotelKyLua' | 'press';

/** Event venues in the four wards (positions are invented, inside the former city boundary). */
export const VENUES: Readonly<Record<VenueKey, { ward: string; label: string }>> = {
  venue: { ward: 'Đông Kinh', label: 'Trung tâm Hội nghị tỉnh' },
  press: { ward: 'Đông Kinh', label: 'Trung tâm báo chí' },
  partyHq: { ward: 'Lương Văn Tri', label: 'Trụ sở Tỉnh ủy' },
  committee: { ward: 'Lương Văn Tri', label: 'Trụ sở UBND tỉnh' },
  hotelTamThanh: { ward: 'Tam Thanh', label: 'Khách sạn đại biểu Tam Thanh' },
  hotelKyLua: { ward: 'Kỳ Lừa', label: 'Khách sạn đại biểu Kỳ Lừa' },
};

export interface P0Template {
  operator: OperatorCode;
  kind: SiteKind;
  venue: VenueKey;
  name: string;
  truck?: boolean;
}

/** The P0 set: sites serving the congress venue, Party/People's Committee offices, hotels, press. */
export const P0_SITES: readonly P0Template[] = [
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

/** VNPT-style place token: 'Đông Kinh' → 'Dong-Kinh'. */
export function dashed(label: string): string {
  return words(label).join('-');
}

/** VNPost-style place token: 'Đông Kinh' → 'DongKinh'. */
export function camel(label: string): string {
  return words(label).join('');
}

// ------------------------------------------------------------------------------------ sites

export type Role = 'p0' | 'truck' | 'hub' | 'bts' | 'olt' | 'pop' | 'transmission' | 'postHub' | 'postOffice' | 'postPoint';

export interface Slot {
  operator: OperatorCode;
  kind: SiteKind;
  role: Role;
  communeCode: string;
  priority: PriorityTier;
  /** Fixed name (P0 set); otherwise derived from the commune. */
  name?: string;
  venue?: VenueKey;
}

export const ROLE_ORDER: Readonly<Record<Role, number>> = {
  p0: 0, hub: 1, pop: 2, transmission: 3, bts: 4, olt: 5, postHub: 6, postOffice: 7, postPoint: 8, truck: 9,
};


export function planSlots(ctx: Context, total: number): Slot[] {
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

export class Namer {
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

export function buildSites(ctx: Context, placer: Placer, slots: Slot[]): DemoSite[] {
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
