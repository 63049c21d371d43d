import type { CandidateReasonDto, OperatorCode } from '@netduty/contracts';
import { haversineMetres, type GeoPoint } from '../event-period/geo-distance';

export interface ResponderCandidate {
  id: string;
  name: string;
  /** The operator of the responder's cluster. */
  operatorCode: OperatorCode;
  /** The communes the responder's cluster covers. */
  clusterCommuneCodes: readonly string[];
  /** On duty now (from the roster, resolved by the caller at the moment of the suggestion). */
  onShift: boolean;
  /** Assignments not yet resolved. */
  openAssignments: number;
  /** Last known position; null when unknown. */
  position: GeoPoint | null;
}

export interface AssignmentSubject {
  operatorCode: OperatorCode;
  communeCode: string;
  /** The site's coordinates; null when unknown. */
  position: GeoPoint | null;
}

/** Why a candidate stands where it does, one entry per criterion in ranking order (the console words each code). */
export type ResponderReason = CandidateReasonDto;

export interface RankedResponder<C extends ResponderCandidate> {
  candidate: C;
  /** 1-based place in the list. */
  rank: number;
  inCoveringCluster: boolean;
  /** Whole metres from the site; null when either position is unknown. */
  distanceMetres: number | null;
  reasons: ResponderReason[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Known distances nearest first; unknown after every known one. */
function compareDistance(a: number | null, b: number | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return a - b;
}

/**
 * Responders suggested for an incident, best first: (1) in a cluster of the site's operator covering the
 * site's commune, (2) on shift now, (3) fewest open assignments, (4) nearest where both positions are
 * known (unknown after every known distance), then name and id so equal candidates always come in the
 * same order. Distances are compared in whole metres.
 */
export function rankResponders<C extends ResponderCandidate>(candidates: readonly C[], incident: AssignmentSubject): RankedResponder<C>[] {
  const scored = candidates.map((candidate) => {
    const inCoveringCluster = candidate.operatorCode === incident.operatorCode && candidate.clusterCommuneCodes.includes(incident.communeCode);
    const distanceMetres =
      candidate.position === null || incident.position === null ? null : Math.round(haversineMetres(incident.position, candidate.position));
    const reasons: ResponderReason[] = [
      { code: inCoveringCluster ? 'in_covering_cluster' : 'outside_covering_cluster' },
      { code: candidate.onShift ? 'on_shift' : 'off_shift' },
      { code: 'open_assignments', count: candidate.openAssignments },
      distanceMetres === null ? { code: 'distance_unknown' } : { code: 'distance', metres: distanceMetres },
    ];
    return { candidate, inCoveringCluster, distanceMetres, reasons };
  });
  scored.sort(
    (a, b) =>
      Number(b.inCoveringCluster) - Number(a.inCoveringCluster) ||
      Number(b.candidate.onShift) - Number(a.candidate.onShift) ||
      a.candidate.openAssignments - b.candidate.openAssignments ||
      compareDistance(a.distanceMetres, b.distanceMetres) ||
      compareText(a.candidate.name, b.candidate.name) ||
      compareText(a.candidate.id, b.candidate.id),
  );
  return scored.map((entry, index) => ({ ...entry, rank: index + 1 }));
}
