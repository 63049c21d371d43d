import type { CoverageImpactDto } from '@netduty/contracts';
import { communeImpacts, communePoints } from './commune-points';

describe('communes on the map', () => {
  it("places each commune at the centroid of its sites, with how many there are", () => {
    const points = communePoints([
      { communeCode: '06001', latitude: 21.8, longitude: 106.7 },
      { communeCode: '05977', latitude: 22.0, longitude: 106.4 },
      { communeCode: '06001', latitude: 21.9, longitude: 106.9 },
      { communeCode: '06001', latitude: 22.0, longitude: 106.8 },
    ]);
    expect(points.map((point) => point.communeCode)).toEqual(['05977', '06001']);
    expect(points[0]).toEqual({ communeCode: '05977', latitude: 22.0, longitude: 106.4, sites: 1 });
    expect(points[1]?.sites).toBe(3);
    expect(points[1]?.latitude).toBeCloseTo(21.9, 10);
    expect(points[1]?.longitude).toBeCloseTo(106.8, 10);
    expect(communePoints([])).toEqual([]);
  });

  it('lists the impacted communes once each, those without any service first, with every operator they lost', () => {
    const tamThanh = { code: '05977', name: 'Tam Thanh', formerDistrict: 'Thành phố Lạng Sơn' };
    const thatKhe = { code: '06001', name: 'Thất Khê', formerDistrict: 'Huyện Tràng Định' };
    const coverage: Pick<CoverageImpactDto, 'byOperator' | 'withoutAnyService'> = {
      withoutAnyService: [thatKhe],
      byOperator: [
        { operatorCode: 'viettel', operatorName: 'Viettel', communesWithBts: 60, communes: [tamThanh, thatKhe] },
        { operatorCode: 'vnpt', operatorName: 'VNPT', communesWithBts: 50, communes: [thatKhe] },
      ],
    };
    expect(communeImpacts(coverage)).toEqual([
      { communeCode: '06001', name: 'Thất Khê', formerDistrict: 'Huyện Tràng Định', withoutAnyService: true, lostOperators: ['viettel', 'vnpt'] },
      { communeCode: '05977', name: 'Tam Thanh', formerDistrict: 'Thành phố Lạng Sơn', withoutAnyService: false, lostOperators: ['viettel'] },
    ]);
  });

  it('has no impacted commune while the network-safety figures are missing', () => {
    expect(communeImpacts(undefined)).toEqual([]);
    expect(communeImpacts(null)).toEqual([]);
  });
});
