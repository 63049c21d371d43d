import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed area and the centroid of one ring (the shoelace formula, in degrees: fine at a province's scale). */
function ringCentroid(ring: readonly Position[]): { area: number; longitude: number; latitude: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (area === 0) {
    const [longitude = 0, latitude = 0] = ring[0] ?? [];
    return { area: 0, longitude, latitude };
  }
  return { area: Math.abs(area), longitude: x / (3 * area), latitude: y / (3 * area) };
}

/**
 * Where a former district's name goes: the centroid of its largest part's outer ring (a MultiPolygon's
 * small islands and enclaves would pull a plain centroid off it). Returns [latitude, longitude].
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { area: number; longitude: number; latitude: number } | null = null;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const centroid = ringCentroid(outer);
    if (!best || centroid.area > best.area) best = centroid;
  }
  return best ? [best.latitude, best.longitude] : null;
}
