import type { CommuneRefDto } from './analytics';
import type { IsoInstant } from './dto';
import type { IncidentStatus, OperatorCode } from './enums';

/**
 * Inter-operator roaming (chuyển vùng nội địa, the 2025 typhoon directives): where one operator has lost
 * every BTS of a commune that another operator still serves, NetDuty proposes that the other operator
 * carry its subscribers. Proposals are computed from site state when asked, never stored; a request is
 * stored once the duty officer issues it (or dismisses the proposal).
 *
 * A request: issued (đã yêu cầu, the 30-minute deadline running) → in_effect (đã chuyển vùng, the host
 * confirmed) → ended (đã kết thúc, the lost operator is back); issued → ended too (no longer needed
 * before it took effect). Dismissed (bỏ qua) is a proposal the duty officer set aside for the outage
 * it was made for.
 */
export const ROAMING_REQUEST_STATUSES = ['issued', 'in_effect', 'ended', 'dismissed'] as const;
export type RoamingRequestStatus = (typeof ROAMING_REQUEST_STATUSES)[number];

/** Why a step on a request is refused (409 conflict, details.reason): it is over, or already past that step. */
export const ROAMING_REQUEST_REFUSALS = ['roaming_request_finished', 'roaming_request_out_of_order'] as const;
export type RoamingRequestRefusal = (typeof ROAMING_REQUEST_REFUSALS)[number];

export const ROAMING_LIMITS = {
  noteMaxLength: 1000,
  /** GET /roaming/requests: the newest this many. */
  listMax: 200,
} as const;

/** POST /roaming/requests: the duty officer asks `hostOperator` to carry `lostOperator`'s subscribers in the commune. */
export interface IssueRoamingRequest {
  communeCode: string;
  lostOperator: OperatorCode;
  hostOperator: OperatorCode;
  note?: string;
}

/** POST /roaming/dismissals: the proposal is set aside while this outage lasts. */
export interface DismissRoamingProposal {
  communeCode: string;
  lostOperator: OperatorCode;
  note?: string;
}

export interface RoamingRequestDto {
  id: string;
  commune: CommuneRefDto;
  lostOperator: OperatorCode;
  /** Null on a dismissed proposal. */
  hostOperator: OperatorCode | null;
  status: RoamingRequestStatus;
  /** When the lost operator's last BTS in the commune went down, as NetDuty saw it at the request. */
  lostSince: IsoInstant;
  sitesDown: number;
  issuedAt: IsoInstant | null;
  issuedBy: string | null;
  issuedByName: string | null;
  /** The directive's deadline (issued + 30 min by default): the incident's restore deadline, escalated like any other. */
  deadlineAt: IsoInstant | null;
  /** The incident that carries the deadline, filed for the host operator (origin 'roaming'). */
  incidentId: string | null;
  incidentReference: string | null;
  incidentStatus: IncidentStatus | null;
  inEffectAt: IsoInstant | null;
  endedAt: IsoInstant | null;
  dismissedAt: IsoInstant | null;
  note: string | null;
}

export interface RoamingProposalDto {
  commune: CommuneRefDto;
  lostOperator: OperatorCode;
  /** Operators still on air in the commune, most BTS on air first. */
  hostOperators: OperatorCode[];
  sitesDown: number;
  lostSince: IsoInstant;
  /** The live (issued or in effect) request for this commune and operator, if one was issued. */
  request: RoamingRequestDto | null;
}

/** GET /roaming/proposals. */
export interface RoamingProposalsDto {
  at: IsoInstant;
  proposals: RoamingProposalDto[];
  /** Communes where every operator lost every BTS: no proposal, nobody to roam onto. */
  withoutHost: { commune: CommuneRefDto; lostOperators: OperatorCode[] }[];
  /** Live requests whose commune has the lost operator back on air: the duty officer may end them. */
  noLongerNeeded: RoamingRequestDto[];
}
