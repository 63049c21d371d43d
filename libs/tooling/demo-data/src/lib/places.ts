/** Places: the administrative units and boundaries from lang-son.json, their short names, and where a site may stand. */
import rawData from './data/lang-son.json';
import { boundingBox, kmPerDegree, multiPolygonAreaDeg2, pointInMultiPolygon, type BoundingBox, type MultiPolygonCoordinates } from './geo';
import { type DemoCommune, type DemoFormerDistrict, type DemoProvinceInfo, type DivisionType } from './types';
import { Random } from './random';

// -------------------------------------------------------------------------- data from the JSON

export const CITY = 'Thành phố Lạng Sơn';

export interface ProvinceData {
  province: DemoProvinceInfo;
  outline: MultiPolygonCoordinates;
  districts: DemoFormerDistrict[];
  communes: DemoCommune[];
}

export function isDivisionType(value: string): value is DivisionType {
  return value === 'phường' || value === 'xã';
}

/** Validated once at import; the builder copies before returning. */
export const DATA: ProvinceData = (() => {
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

// ------------------------------------------------------------------------------------ geometry

export interface Area {
  polygon: MultiPolygonCoordinates;
  box: BoundingBox;
  /** Other former districts: a point is rejected if it falls in one (simplified borders overlap). */
  others: { polygon: MultiPolygonCoordinates; box: BoundingBox }[];
}

export interface Point {
  lon: number;
  lat: number;
}

export const inBox = (box: BoundingBox, p: Point): boolean =>
  p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat;

export class Placer {
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

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
