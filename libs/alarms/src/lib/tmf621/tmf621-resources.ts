import type { TroubleTicketStatus } from './ticket-status';

/** Where the TMF621 routes live: outside the api's prefix, exactly as TM Forum names them. */
export const TMF621_BASE_PATH = '/tmf-api/troubleTicket/v4';

export function troubleTicketHref(id: string): string {
  return `${TMF621_BASE_PATH}/troubleTicket/${id}`;
}

export interface TmfNote {
  id: string;
  author: string;
  date: string;
  text: string;
  '@type': 'Note';
}

export interface TmfStatusChange {
  status: TroubleTicketStatus;
  changeDate: string;
  changeReason?: string;
  '@type': 'StatusChange';
}

export interface TmfSiteEntity {
  id: string;
  name: string;
  role: 'site';
  '@referredType': 'Site';
}

/** A NetDuty incident as TMF621 `TroubleTicket`. */
export interface TmfTroubleTicket {
  id: string;
  href: string;
  /** The incident's reference (SC-000123), as the duty desk calls it. */
  name: string;
  externalId?: string;
  description: string;
  severity: string;
  ticketType: string;
  priority: string;
  status: TroubleTicketStatus;
  statusChangeDate: string;
  statusChangeReason?: string;
  creationDate: string;
  lastUpdate: string;
  expectedResolutionDate: string;
  resolutionDate?: string;
  relatedEntity: TmfSiteEntity[];
  note: TmfNote[];
  statusChange: TmfStatusChange[];
  '@type': 'TroubleTicket';
}
