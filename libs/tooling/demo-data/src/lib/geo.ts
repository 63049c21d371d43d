/**
 * Small planar geometry helpers for the demo seed. Coordinates follow GeoJSON: [longitude, latitude].
 * At the scale of one province (≈ 1° × 1°) a planar ray-casting test is accurate enough.
 */

/** A ring: closed list of [lon, lat] positions (first = last, as GeoJSON writes it). */
export type Ring = ReadonlyArray<ReadonlyArray<number>>;
/** A polygon: outer ring first, then holes. */
export type PolygonCoordinates = ReadonlyArray<Ring>;
/** GeoJSON MultiPolygon `coordinates`. */
export type MultiPolygonCoordinates = ReadonlyArray<PolygonCoordinates>;

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Even-odd ray casting; points exactly on an edge may fall either way. */
export function pointInRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(lon: number, lat: number, polygon: PolygonCoordinates): boolean {
  if (polygon.length === 0 || !pointInRing(lon, lat, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) {
    if (pointInRing(lon, lat, polygon[h])) return false;
  }
  return true;
}

/** Whether [lon, lat] lies inside any polygon of a GeoJSON MultiPolygon. */
export function pointInMultiPolygon(point: readonly [number, number], multiPolygon: MultiPolygonCoordinates): boolean {
  const [lon, lat] = point;
  return multiPolygon.some((polygon) => pointInPolygon(lon, lat, polygon));
}

export function boundingBox(multiPolygon: MultiPolygonCoordinates): BoundingBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of multiPolygon) {
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

/** Shoelace area of the outer rings minus holes, in square degrees. */
export function multiPolygonAreaDeg2(multiPolygon: MultiPolygonCoordinates): number {
  const ringArea = (ring: Ring): number => {
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    }
    return Math.abs(sum) / 2;
  };
  let area = 0;
  for (const polygon of multiPolygon) {
    polygon.forEach((ring, index) => {
      area += index === 0 ? ringArea(ring) : -ringArea(ring);
    });
  }
  return area;
}

/** Approximate kilometres per degree at a latitude (spherical Earth, fine for one province). */
export function kmPerDegree(lat: number): { lon: number; lat: number } {
  return { lon: 111.32 * Math.cos((lat * Math.PI) / 180), lat: 110.57 };
}

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
