import { INCIDENT_CATEGORIES, INCIDENT_TEXT_MAX_LENGTH, SEVERITIES, type IncidentCategory, type Severity } from '@netduty/contracts';
import { UnprocessableInputError } from '@netduty/platform-errors';
import { ProblemList } from '../tmf642/tmf642-input-rules';
import { TROUBLE_TICKET_STATUSES, type TroubleTicketStatus } from './ticket-status';
import { requireTicketConforming } from './tmf621-schemas';

type Body = Record<string, unknown>;

export const TICKET_INPUT_LIMITS = { externalIdMaxLength: 200, siteCodeMaxLength: 100, notesMax: 20 } as const;

/** What NetDuty sets itself (TMF: "set by the ticket management system"): refused on create, not ignored. */
const SET_BY_NETDUTY = ['status', 'statusChange', 'statusChangeDate', 'statusChangeReason', 'resolutionDate', 'lastUpdate', 'creationDate', 'expectedResolutionDate', 'priority'] as const;

/** What a ticketing system may change on a ticket: add notes, and ask for a status change with its reason. */
const PATCHABLE = new Set(['note', 'status', 'statusChangeReason', '@type', '@baseType', '@schemaLocation']);

export interface TicketToOpen {
  siteCode: string;
  /** Where the site was named, for a problem about it (`relatedEntity.0.id`). */
  siteField: string;
  category: IncidentCategory;
  severity: Severity;
  description: string;
  externalId?: string;
}

export interface TicketChange {
  notes: string[];
  status?: TroubleTicketStatus;
  statusChangeReason?: string;
}

function severityOf(problems: ProblemList, value: unknown): Severity | undefined {
  const given = problems.text('severity', value, 50, { required: true });
  if (given === undefined) return undefined;
  const severity = SEVERITIES.find((candidate) => candidate === given.toLowerCase());
  if (!severity) problems.add({ field: 'severity', code: 'not_one_of', params: { allowed: SEVERITIES } });
  return severity;
}

/** The one related entity that is the site at fault: `role: site` or `@referredType: Site`, its id the site code. */
function siteOf(problems: ProblemList, value: unknown): { code: string; field: string } | undefined {
  const entities = Array.isArray(value) ? (value as Body[]) : [];
  const sites = entities.flatMap((entity, index) =>
    String(entity['role']).toLowerCase() === 'site' || String(entity['@referredType']).toLowerCase() === 'site' ? [{ entity, index }] : [],
  );
  const [site, ...others] = sites;
  if (!site) {
    problems.add({ field: 'relatedEntity', code: 'required', params: { rule: 'one_site' } });
    return undefined;
  }
  if (others.length > 0) {
    problems.add({ field: 'relatedEntity', code: 'too_many_items', params: { max: 1, rule: 'one_site' } });
    return undefined;
  }
  const field = `relatedEntity.${site.index}.id`;
  const code = problems.text(field, site.entity['id'], TICKET_INPUT_LIMITS.siteCodeMaxLength, { required: true });
  return code === undefined ? undefined : { code, field };
}

/**
 * POST /troubleTicket: the spec's TroubleTicket_Create, then NetDuty's rules — one related entity is
 * the site (by its code), severity is one of NetDuty's (any case), ticketType is NetDuty's incident
 * category, what NetDuty sets itself is refused, notes come by PATCH once the ticket exists.
 */
export function ticketToOpen(rawBody: unknown): TicketToOpen {
  const body = requireTicketConforming('TroubleTicket_Create', rawBody);
  const problems = new ProblemList();
  for (const name of SET_BY_NETDUTY) if (body[name] !== undefined) problems.add({ field: name, code: 'invalid', params: { rule: 'set_by_netduty' } });
  if (body['note'] !== undefined) problems.add({ field: 'note', code: 'invalid', params: { rule: 'add_by_patch' } });
  const description = problems.text('description', body['description'], INCIDENT_TEXT_MAX_LENGTH, { required: true });
  const severity = severityOf(problems, body['severity']);
  const category = problems.oneOf('ticketType', body['ticketType'], INCIDENT_CATEGORIES);
  const externalId = problems.text('externalId', body['externalId'], TICKET_INPUT_LIMITS.externalIdMaxLength);
  const site = siteOf(problems, body['relatedEntity']);
  if (!problems.empty || !description || !severity || !category || !site) throw new UnprocessableInputError(problems.problems);
  return { siteCode: site.code, siteField: site.field, category, severity, description, ...(externalId ? { externalId } : {}) };
}

/** PATCH /troubleTicket/{id}: the spec's TroubleTicket_Update; only notes and a status change are NetDuty's to take. */
export function ticketChange(rawBody: unknown): TicketChange {
  const body = requireTicketConforming('TroubleTicket_Update', rawBody);
  const problems = new ProblemList();
  for (const name of Object.keys(body)) if (!PATCHABLE.has(name)) problems.add({ field: name, code: 'invalid', params: { rule: 'not_patchable' } });
  const notes = Array.isArray(body['note']) ? (body['note'] as Body[]) : [];
  if (notes.length > TICKET_INPUT_LIMITS.notesMax) problems.add({ field: 'note', code: 'too_many_items', params: { max: TICKET_INPUT_LIMITS.notesMax } });
  const texts = notes.flatMap((note, index) => problems.text(`note.${index}.text`, note['text'], INCIDENT_TEXT_MAX_LENGTH, { required: true }) ?? []);
  const status = problems.oneOf('status', body['status'], TROUBLE_TICKET_STATUSES);
  const statusChangeReason = problems.text('statusChangeReason', body['statusChangeReason'], INCIDENT_TEXT_MAX_LENGTH);
  if (statusChangeReason !== undefined && body['status'] === undefined) problems.add({ field: 'statusChangeReason', code: 'invalid', params: { rule: 'with_status_only' } });
  if (!problems.empty) throw new UnprocessableInputError(problems.problems);
  return { notes: texts, ...(status ? { status } : {}), ...(statusChangeReason ? { statusChangeReason } : {}) };
}
