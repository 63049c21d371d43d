export * from './lib/types';
export { DEMO_OPERATORS } from './lib/operators';
export { communeShortName, districtShortName } from './lib/places';
export { stripDiacritics } from './lib/text';
export { pointInMultiPolygon, mulberry32, type MultiPolygonCoordinates } from './lib/geo';
export { buildDemoProvince } from './lib/demo-province';
export * from './lib/demo-seeder';
export * from './lib/demo-seed-options';
export * from './lib/demo-data.module';
