import type { OperatorCode, OperatorKind, RoamingRequestStatus, SiteKind } from '@netduty/contracts';

/** One commune's sites of one operator and kind, and how many of them are down now (from site state). */
export interface CommuneSiteCount {
  communeCode: string;
  operatorCode: OperatorCode;
  operatorKind: OperatorKind;
  siteKind: SiteKind;
  total: number;
  down: number;
}

/**
 * Chuyển vùng nội địa: in this commune every BTS of `lostOperator` is down while the `hostOperators`
 * still have at least one BTS on air, so the lost operator's subscribers could roam onto them.
 */
export interface RoamingProposal {
  communeCode: string;
  lostOperator: OperatorCode;
  /** Operators with a BTS not down in the commune, most BTS on air first (then by code). */
  hostOperators: OperatorCode[];
  /** The lost operator's BTS in the commune: every one of them is down. */
  sitesDown: number;
}

/** A commune where operators lost every BTS and no operator is left on air: nobody to roam onto. */
export interface CommuneWithoutHost {
  communeCode: string;
  lostOperators: OperatorCode[];
}

export interface RoamingAssessment {
  proposals: RoamingProposal[];
  withoutHost: CommuneWithoutHost[];
}

/**
 * Who should roam where (the 2025 typhoon directives: roaming on request within 30 minutes). Only
 * mobile coverage counts — BTS of telecom operators; broadband and transmission nodes carry no
 * subscribers' radio, and postal operators have none. A partial loss proposes nothing: the operator
 * still serves the commune. Sorted by commune, then lost operator, so the list is stable.
 */
export function assessRoaming(counts: readonly CommuneSiteCount[]): RoamingAssessment {
  const byCommune = new Map<string, Map<OperatorCode, { total: number; down: number }>>();
  for (const row of counts) {
    if (row.siteKind !== 'bts' || row.operatorKind !== 'telecom' || row.total <= 0) continue;
    const operators = byCommune.get(row.communeCode) ?? new Map<OperatorCode, { total: number; down: number }>();
    const tally = operators.get(row.operatorCode) ?? { total: 0, down: 0 };
    tally.total += row.total;
    tally.down += Math.min(Math.max(row.down, 0), row.total);
    operators.set(row.operatorCode, tally);
    byCommune.set(row.communeCode, operators);
  }

  const proposals: RoamingProposal[] = [];
  const withoutHost: CommuneWithoutHost[] = [];
  for (const communeCode of [...byCommune.keys()].sort()) {
    const operators = [...(byCommune.get(communeCode) ?? new Map<OperatorCode, { total: number; down: number }>())].sort(([a], [b]) => a.localeCompare(b));
    const lost = operators.filter(([, tally]) => tally.down === tally.total);
    if (lost.length === 0) continue;
    const hostOperators = operators
      .filter(([, tally]) => tally.down < tally.total)
      .sort(([codeA, a], [codeB, b]) => b.total - b.down - (a.total - a.down) || codeA.localeCompare(codeB))
      .map(([code]) => code);
    if (hostOperators.length === 0) {
      withoutHost.push({ communeCode, lostOperators: lost.map(([code]) => code) });
      continue;
    }
    for (const [lostOperator, tally] of lost) proposals.push({ communeCode, lostOperator, hostOperators, sitesDown: tally.down });
  }
  return { proposals, withoutHost };
}

export interface RoamingRequestSubject {
  communeCode: string;
  lostOperator: OperatorCode;
  hostOperator: OperatorCode;
}

/** Why a roaming request cannot be issued now, by field: nothing when the assessment proposes it. */
export function roamingRequestProblems(assessment: RoamingAssessment, request: RoamingRequestSubject): { field: keyof RoamingRequestSubject; rule: string }[] {
  if (request.hostOperator === request.lostOperator) return [{ field: 'hostOperator', rule: 'host_is_the_lost_operator' }];
  const proposal = assessment.proposals.find((candidate) => candidate.communeCode === request.communeCode && candidate.lostOperator === request.lostOperator);
  if (!proposal) {
    const stranded = assessment.withoutHost.some((commune) => commune.communeCode === request.communeCode && commune.lostOperators.includes(request.lostOperator));
    return stranded ? [{ field: 'hostOperator', rule: 'host_not_on_air' }] : [{ field: 'lostOperator', rule: 'operator_still_on_air' }];
  }
  return proposal.hostOperators.includes(request.hostOperator) ? [] : [{ field: 'hostOperator', rule: 'host_not_on_air' }];
}

/** The duty officer's steps on a roaming request: the host confirms it is on, or it ends. */
export type RoamingRequestStep = 'in_effect' | 'end';

/**
 * Which steps a request in this status still takes (the api refuses the others with 409): an issued
 * request goes in effect or ends (no longer needed before it took effect); one in effect only ends; an
 * ended request and a dismissed proposal take none.
 */
export function roamingRequestSteps(status: RoamingRequestStatus): readonly RoamingRequestStep[] {
  switch (status) {
    case 'issued':
      return ['in_effect', 'end'];
    case 'in_effect':
      return ['end'];
    case 'ended':
    case 'dismissed':
      return [];
  }
}
