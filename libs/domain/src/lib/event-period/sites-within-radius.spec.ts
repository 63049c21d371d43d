import { haversineMetres } from './geo-distance';
import { sitesWithinRadius } from './sites-within-radius';

// Lạng Sơn: the provincial People's Committee area and points around it.
const venue = { latitude: 21.8537, longitude: 106.7615 };

describe('haversine distance', () => {
  it('is zero for one point and symmetric', () => {
    const other = { latitude: 21.86, longitude: 106.77 };
    expect(haversineMetres(venue, venue)).toBe(0);
    expect(haversineMetres(venue, other)).toBeCloseTo(haversineMetres(other, venue), 9);
  });

  it('matches known distances', () => {
    // One degree of latitude on the mean sphere: 111.195 km.
    expect(haversineMetres({ latitude: 21, longitude: 106 }, { latitude: 22, longitude: 106 })).toBeCloseTo(111_195, -1);
    // Hà Nội (Hoàn Kiếm) to Lạng Sơn city, against the spherical law of cosines (fine at this range).
    const hanoi = { latitude: 21.0285, longitude: 105.8542 };
    const rad = (degrees: number) => (degrees * Math.PI) / 180;
    const cosines =
      6_371_008.8 *
      Math.acos(
        Math.sin(rad(hanoi.latitude)) * Math.sin(rad(venue.latitude)) +
          Math.cos(rad(hanoi.latitude)) * Math.cos(rad(venue.latitude)) * Math.cos(rad(venue.longitude - hanoi.longitude)),
      );
    expect(haversineMetres(hanoi, venue)).toBeCloseTo(cosines, -1);
    expect(haversineMetres(hanoi, venue) / 1000).toBeGreaterThan(125);
    expect(haversineMetres(hanoi, venue) / 1000).toBeLessThan(140);
    // Antipodes: half the circumference.
    expect(haversineMetres({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('sites within a radius', () => {
  const oneKmNorth = { id: 'north', latitude: venue.latitude + 1000 / 111_195, longitude: venue.longitude };
  const sites = [
    { id: 'far', latitude: 21.9, longitude: 106.8 },
    oneKmNorth,
    { id: 'b-here', ...venue },
    { id: 'a-here', ...venue },
  ];

  it('keeps the sites inside the radius, nearest first, ties by id', () => {
    expect(sitesWithinRadius(sites, venue, 1500).map((entry) => [entry.site.id, Math.round(entry.distanceMetres)])).toEqual([
      ['a-here', 0],
      ['b-here', 0],
      ['north', 1000],
    ]);
  });

  it('orders ties by id whatever order the sites come in, and keeps a site listed twice twice', () => {
    const here = sites.slice(2);
    expect(sitesWithinRadius([...here].reverse(), venue, 10).map((entry) => entry.site.id)).toEqual(['a-here', 'b-here']);
    expect(sitesWithinRadius([here[0], here[0]].filter((site) => site !== undefined), venue, 10).map((entry) => entry.site.id)).toEqual(['b-here', 'b-here']);
  });

  it('includes a site exactly on the boundary and excludes one just outside', () => {
    const exact = haversineMetres(venue, oneKmNorth);
    expect(sitesWithinRadius([oneKmNorth], venue, exact).map((entry) => entry.site.id)).toEqual(['north']);
    expect(sitesWithinRadius([oneKmNorth], venue, exact - 0.01)).toEqual([]);
  });

  it('returns the caller’s own site objects', () => {
    expect(sitesWithinRadius(sites, venue, 0)[0]?.site).toBe(sites[3]);
  });

  it('refuses a radius that is not a distance', () => {
    expect(() => sitesWithinRadius(sites, venue, -1)).toThrow(RangeError);
    expect(() => sitesWithinRadius(sites, venue, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
