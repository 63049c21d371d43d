export * from './demo-province';
export { boundingBox, pointInPolygon, pointInRing, type BoundingBox, type PolygonCoordinates, type Ring } from './geo';
