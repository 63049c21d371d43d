import { incidentFixture } from '../../../testing/incident-fixture';
import { incidentHaystack, quickFind } from './quick-find';

describe('quickFind', () => {
  const dongKinh = incidentFixture({ reference: 'SC-000123' });
  const other = incidentFixture({
    reference: 'SC-000124',
    description: 'Đứt cáp quang tuyến Cao Lộc',
    site: { ...dongKinh.site, code: 'LSN0510-02', name: 'Trạm BTS Cao Lộc 2', commune: { ...dongKinh.site.commune, name: 'Xã Cao Lộc', formerDistrict: 'Huyện Cao Lộc' } },
  });
  const haystacks = new Map([dongKinh, other].map((incident) => [incident.id, incidentHaystack(incident)]));

  it('matches without diacritics and in any word order', () => {
    expect(quickFind([dongKinh, other], haystacks, 'kinh dong')).toEqual([dongKinh]);
    expect(quickFind([dongKinh, other], haystacks, 'cap quang')).toEqual([other]);
  });

  it('finds by reference and site code', () => {
    expect(quickFind([dongKinh, other], haystacks, 'sc-000124')).toEqual([other]);
    expect(quickFind([dongKinh, other], haystacks, 'LSN0324')).toEqual([dongKinh]);
  });

  it('returns everything for an empty query', () => {
    const all = [dongKinh, other];
    expect(quickFind(all, haystacks, '  ')).toBe(all);
  });
});
