import { labelPoint } from './label-point';

const square = (x: number, y: number, size: number) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];

describe("a former district's label point", () => {
  it('is the centroid of a polygon', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: square(106, 21, 1) })).toEqual([21.5, 106.5]);
  });

  it("is on a MultiPolygon's largest part, not between its parts", () => {
    const point = labelPoint({ type: 'MultiPolygon', coordinates: [square(106, 21, 0.1), square(107, 22, 1)] });
    expect(point?.[0]).toBeCloseTo(22.5, 10);
    expect(point?.[1]).toBeCloseTo(107.5, 10);
  });

  it('has none for an empty geometry', () => {
    expect(labelPoint({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
