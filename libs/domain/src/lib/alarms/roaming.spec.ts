import type { OperatorCode, OperatorKind, SiteKind } from '@netduty/contracts';
import { assessRoaming, roamingRequestProblems, roamingRequestSteps, type CommuneSiteCount } from './roaming';

/** One row of the per-commune count: `operator` has `total` sites of `kind` in `commune`, `down` of them down. */
function count(communeCode: string, operatorCode: OperatorCode, total: number, down: number, siteKind: SiteKind = 'bts'): CommuneSiteCount {
  const operatorKind: OperatorKind = operatorCode === 'vnpost' || operatorCode === 'viettelpost' ? 'postal' : 'telecom';
  return { communeCode, operatorCode, operatorKind, siteKind, total, down };
}

describe('inter-operator roaming proposals (chuyển vùng nội địa)', () => {
  it('proposes roaming where Viettel lost every BTS of a commune that VNPT still serves', () => {
    // Recorded: Yagi morning, xã Tràng Định — Viettel 3 of 3 off air, VNPT 1 of 2 down, MobiFone 2 of 2 up.
    const assessment = assessRoaming([count('06013', 'viettel', 3, 3), count('06013', 'vnpt', 2, 1), count('06013', 'mobifone', 2, 0)]);
    expect(assessment.proposals).toEqual([{ communeCode: '06013', lostOperator: 'viettel', hostOperators: ['mobifone', 'vnpt'], sitesDown: 3 }]);
    expect(assessment.withoutHost).toEqual([]);
  });

  it('proposes nothing but flags the commune when every operator is down there: nobody to roam onto', () => {
    const assessment = assessRoaming([count('06016', 'viettel', 2, 2), count('06016', 'vnpt', 1, 1)]);
    expect(assessment.proposals).toEqual([]);
    expect(assessment.withoutHost).toEqual([{ communeCode: '06016', lostOperators: ['viettel', 'vnpt'] }]);
  });

  it('proposes nothing for a partial loss: the operator still serves the commune', () => {
    expect(assessRoaming([count('06019', 'viettel', 4, 3), count('06019', 'vnpt', 2, 0)])).toEqual({ proposals: [], withoutHost: [] });
  });

  it('ignores broadband and transmission nodes: only BTS carry mobile coverage', () => {
    // Viettel's BTS are all down; its broadband node still up does not serve mobile subscribers.
    const assessment = assessRoaming([count('06022', 'viettel', 1, 1), count('06022', 'viettel', 1, 0, 'broadband_node'), count('06022', 'vnpt', 1, 1), count('06022', 'vnpt', 3, 0, 'transmission_node')]);
    expect(assessment.proposals).toEqual([]);
    expect(assessment.withoutHost).toEqual([{ communeCode: '06022', lostOperators: ['viettel', 'vnpt'] }]);
  });

  it('ignores postal operators, even where their service points are all down', () => {
    const assessment = assessRoaming([count('06025', 'vnpost', 2, 2, 'postal_point'), count('06025', 'viettelpost', 1, 1, 'bts'), count('06025', 'mobifone', 1, 0)]);
    expect(assessment).toEqual({ proposals: [], withoutHost: [] });
  });

  it('lists each lost operator of a commune once, hosts ordered by BTS on air, communes in order', () => {
    const assessment = assessRoaming([
      count('06031', 'vnpt', 2, 2),
      count('06028', 'mobifone', 1, 1),
      count('06031', 'viettel', 5, 4),
      count('06031', 'mobifone', 1, 1),
      count('06028', 'viettel', 3, 0),
      count('06028', 'vnpt', 1, 0),
    ]);
    expect(assessment.proposals).toEqual([
      { communeCode: '06028', lostOperator: 'mobifone', hostOperators: ['viettel', 'vnpt'], sitesDown: 1 },
      { communeCode: '06031', lostOperator: 'mobifone', hostOperators: ['viettel'], sitesDown: 1 },
      { communeCode: '06031', lostOperator: 'vnpt', hostOperators: ['viettel'], sitesDown: 2 },
    ]);
  });

  it('says which field stands in the way of issuing a request that is not proposed now', () => {
    const assessment = assessRoaming([count('06013', 'viettel', 3, 3), count('06013', 'vnpt', 2, 1), count('06013', 'mobifone', 2, 2), count('06016', 'viettel', 1, 1)]);
    expect(roamingRequestProblems(assessment, { communeCode: '06013', lostOperator: 'viettel', hostOperator: 'vnpt' })).toEqual([]);
    expect(roamingRequestProblems(assessment, { communeCode: '06013', lostOperator: 'vnpt', hostOperator: 'viettel' })).toEqual([{ field: 'lostOperator', rule: 'operator_still_on_air' }]);
    expect(roamingRequestProblems(assessment, { communeCode: '06013', lostOperator: 'mobifone', hostOperator: 'viettel' })).toEqual([{ field: 'hostOperator', rule: 'host_not_on_air' }]);
    expect(roamingRequestProblems(assessment, { communeCode: '06013', lostOperator: 'viettel', hostOperator: 'viettel' })).toEqual([{ field: 'hostOperator', rule: 'host_is_the_lost_operator' }]);
    expect(roamingRequestProblems(assessment, { communeCode: '06016', lostOperator: 'viettel', hostOperator: 'vnpt' })).toEqual([{ field: 'hostOperator', rule: 'host_not_on_air' }]);
  });
});

describe('the steps a roaming request still takes', () => {
  it('lets an issued request go in effect or end, one in effect only end, and a finished one nothing', () => {
    expect(roamingRequestSteps('issued')).toEqual(['in_effect', 'end']);
    expect(roamingRequestSteps('in_effect')).toEqual(['end']);
    expect(roamingRequestSteps('ended')).toEqual([]);
    expect(roamingRequestSteps('dismissed')).toEqual([]);
  });
});
