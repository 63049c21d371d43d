import { SEVERITIES, type Severity } from '@netduty/contracts';
import { TmfQueryReader } from '../tmf/tmf-query';
import { TROUBLE_TICKET_STATUSES, type TroubleTicketStatus } from './ticket-status';

/** GET /troubleTicket's filters, as TMF630 spells them. */
export interface TroubleTicketListQuery {
  statuses: TroubleTicketStatus[] | null;
  severities: Severity[] | null;
  externalId: string | null;
  createdAfter: Date | null;
  createdBefore: Date | null;
  fields: string[] | null;
  offset: number;
  limit: number;
}

const KNOWN = new Set(['status', 'severity', 'externalId', 'creationDate.gt', 'creationDate.lt', 'fields', 'offset', 'limit']);

/** Reads the query string; an unknown parameter is a 400 naming it, never ignored. */
export function troubleTicketListQuery(raw: Record<string, unknown>): TroubleTicketListQuery {
  const query = new TmfQueryReader(raw, KNOWN);
  return query.done({
    statuses: query.oneOfList('status', TROUBLE_TICKET_STATUSES),
    severities: query.oneOfList('severity', SEVERITIES),
    externalId: query.text('externalId'),
    createdAfter: query.instant('creationDate.gt'),
    createdBefore: query.instant('creationDate.lt'),
    fields: query.fields(),
    offset: query.offset(),
    limit: query.limit(),
  });
}
