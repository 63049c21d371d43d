import type { SiteSummaryDto } from '@netduty/contracts';
import { addSitesWithinRadius } from './p0-sites';

function site(id: string, latitude: number, longitude: number): SiteSummaryDto {
  return {
    id,
    code: id.toUpperCase(),
    name: id,
    kind: 'bts',
    operator: { code: 'viettel', name: 'Viettel', kind: 'telecom' },
    commune: { code: '1', name: 'Đông Kinh', divisionType: 'phường', formerDistrict: null },
    priority: 'P2',
    state: 'in_service',
    downKind: null,
    latitude,
    longitude,
  };
}

// About 111 m per 0.001° of latitude.
const venue = { latitude: 21.85, longitude: 106.76 };
const sites = [site('far', 21.86, 106.76), site('near', 21.8505, 106.76), site('venue', 21.85, 106.76), site('edge', 21.8518, 106.76)];

describe('P0 sites by radius around a point', () => {
  it('adds the loaded sites within the radius, nearest first, after those already chosen', () => {
    const { ids, added } = addSitesWithinRadius(['other'], sites, venue, 250);
    expect(ids).toEqual(['other', 'venue', 'near', 'edge']);
    expect(added.map((entry) => entry.id)).toEqual(['venue', 'near', 'edge']);
  });

  it('does not add a site twice', () => {
    const { ids, added } = addSitesWithinRadius(['near'], sites, venue, 100);
    expect(ids).toEqual(['near', 'venue']);
    expect(added).toHaveLength(1);
  });
});
