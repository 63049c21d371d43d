import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { IncidentDto } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { CommentOnIncident, IncidentService, ReportIncident, TransitionIncident } from '@netduty/incidents';
import { IncidentEventEntity } from '@netduty/persistence';
import { NotFoundError, UnprocessableInputError } from '@netduty/platform-errors';
import type { NmsCaller } from '../sources/nms-caller';
import { incidentStatusesOf, requestedStatusChange, ticketStatusOf } from './ticket-status';
import type { TmfTroubleTicket } from './tmf621-resources';
import { ticketChange, ticketToOpen } from './trouble-ticket-body';
import type { TroubleTicketListQuery } from './trouble-ticket-list-query';
import { troubleTicket, type TicketTimelineLine } from './trouble-ticket-representation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The identifier a ticketing system acts under in the use cases: a name-based UUID (version 5 layout)
 * of its sourceSystemId. Stable, so it owns its externalIds as idempotency keys across requests; never
 * an account's id (those are random, version 4).
 */
export function ticketingSystemId(sourceSystemId: string): string {
  const hex = createHash('sha256').update(`netduty:tmf621:${sourceSystemId}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The ticketing system as the incidents' use cases see it: its operator's scope, named by its sourceSystemId. */
function actorOf(caller: NmsCaller): Actor {
  return {
    userId: ticketingSystemId(caller.sourceSystemId),
    username: caller.sourceSystemId,
    displayName: caller.sourceSystemId,
    // The use cases read only the scope, the name and the id; the role is the desk's a report comes to.
    role: 'duty_officer',
    permissions: [],
    scope: scopeOf(caller),
    sessionId: `nms-key:${caller.keyId}`,
    system: true,
  };
}

function scopeOf(caller: NmsCaller): IncidentScope {
  return { kind: 'operator', operatorCode: caller.operatorCode, communeCodes: null };
}

/**
 * TMF621 Trouble Ticket over NetDuty's incidents, for an operator's ticketing system (an NMS source and
 * its key). A ticket is an incident: opened through the same ReportIncident use case as a person's
 * report, noted through CommentOnIncident, closed or reopened through TransitionIncident. The
 * visibility rule is the operator's scope: another operator's incident is a 404, like one that does not exist.
 */
@Injectable()
export class TroubleTickets {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly report: ReportIncident,
    private readonly transition: TransitionIncident,
    private readonly comment: CommentOnIncident,
  ) {}

  /** Opens a ticket; the same externalId again (with the same body) answers the ticket it opened. */
  async open(caller: NmsCaller, rawBody: unknown): Promise<{ ticket: TmfTroubleTicket; created: boolean }> {
    const request = ticketToOpen(rawBody);
    const [site] = (await this.dataSource.query(`SELECT id FROM sites WHERE code = $1 AND operator_code = $2`, [request.siteCode, caller.operatorCode])) as { id: string }[];
    if (!site) throw new UnprocessableInputError([{ field: request.siteField, code: 'no_such_record' }]);
    const { incident, created } = await this.report.execute(
      { siteId: site.id, category: request.category, severity: request.severity, description: request.description, idempotencyKey: request.externalId },
      actorOf(caller),
    );
    return { ticket: await this.present(caller, incident), created };
  }

  async get(caller: NmsCaller, id: string): Promise<TmfTroubleTicket> {
    return this.present(caller, await this.visibleIncident(caller, id));
  }

  /** The operator's incidents as tickets, newest first. */
  async list(caller: NmsCaller, query: TroubleTicketListQuery): Promise<{ items: TmfTroubleTicket[]; total: number }> {
    const conditions = ['i.operator_code = $1'];
    const parameters: unknown[] = [caller.operatorCode];
    const where = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (query.statuses) where((p) => `i.status = ANY(${p}::text[])`, query.statuses.flatMap(incidentStatusesOf));
    if (query.severities) where((p) => `i.severity = ANY(${p}::text[])`, query.severities);
    if (query.externalId !== null) {
      where((p) => `i.idempotency_owner = ${p}`, ticketingSystemId(caller.sourceSystemId));
      where((p) => `i.idempotency_key = ${p}`, query.externalId);
    }
    if (query.createdAfter) where((p) => `i.reported_at > ${p}`, query.createdAfter.toISOString());
    if (query.createdBefore) where((p) => `i.reported_at < ${p}`, query.createdBefore.toISOString());
    const filter = `FROM incidents i WHERE ${conditions.join(' AND ')}`;
    const [counted] = (await this.dataSource.query(`SELECT count(*)::int AS total ${filter}`, parameters)) as { total: number }[];
    const rows = (await this.dataSource.query(`SELECT i.id ${filter} ORDER BY i.reported_at DESC, i.id DESC OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}`, [
      ...parameters,
      query.offset,
      query.limit,
    ])) as { id: string }[];
    const incidents = await this.incidents.getDtos(rows.map((row) => row.id));
    return { items: await this.presentAll(caller, incidents), total: counted?.total ?? 0 };
  }

  /**
   * Adds the notes as comments, then takes the status change it asks for. Both are checked against the
   * ticket's status first, so a refused change writes no note.
   */
  async update(caller: NmsCaller, id: string, rawBody: unknown): Promise<TmfTroubleTicket> {
    const change = ticketChange(rawBody);
    const incident = await this.visibleIncident(caller, id);
    const statusChange = change.status ? requestedStatusChange(incident.status, change.status, incident.allowedActions) : ({ kind: 'unchanged' } as const);
    if (statusChange.kind === 'refused') throw new UnprocessableInputError([{ field: 'status', code: 'not_one_of', params: { allowed: statusChange.allowed, rule: `from_${ticketStatusOf(incident.status)}` } }]);
    if (statusChange.kind === 'transition' && statusChange.action === 'reopen' && !change.statusChangeReason) {
      throw new UnprocessableInputError([{ field: 'statusChangeReason', code: 'required', params: { rule: 'reason_to_reopen' } }]);
    }
    const actor = actorOf(caller);
    for (const text of change.notes) await this.comment.execute({ incidentId: id, text }, actor);
    if (statusChange.kind === 'transition') {
      if (statusChange.action === 'reopen') await this.transition.execute({ incidentId: id, action: 'reopen', note: change.statusChangeReason ?? '' }, actor);
      else await this.transition.execute({ incidentId: id, action: statusChange.action, note: change.statusChangeReason }, actor);
    }
    return this.get(caller, id);
  }

  /** Another operator's incident, or an id that is no UUID, is a ticket that does not exist. */
  private async visibleIncident(caller: NmsCaller, id: string): Promise<IncidentDto> {
    if (!UUID.test(id)) throw new NotFoundError('troubleTicket', id);
    return this.incidents.getDto(id, scopeOf(caller)).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('troubleTicket', id) : error;
    });
  }

  private async present(caller: NmsCaller, incident: IncidentDto): Promise<TmfTroubleTicket> {
    const [ticket] = await this.presentAll(caller, [incident]);
    if (!ticket) throw new Error('an incident has no ticket representation');
    return ticket;
  }

  /** Tickets with their timelines and externalIds, in two queries for all of them. */
  private async presentAll(caller: NmsCaller, incidents: readonly IncidentDto[]): Promise<TmfTroubleTicket[]> {
    if (incidents.length === 0) return [];
    const ids = incidents.map((incident) => incident.id);
    const [events, keys] = await Promise.all([
      this.dataSource.getRepository(IncidentEventEntity).find({ where: { incidentId: In(ids) }, order: { id: 'ASC' } }),
      this.dataSource.query(`SELECT id, idempotency_key FROM incidents WHERE id = ANY($1::uuid[]) AND idempotency_owner = $2`, [ids, ticketingSystemId(caller.sourceSystemId)]) as Promise<
        { id: string; idempotency_key: string }[]
      >,
    ]);
    const lines = new Map<string, TicketTimelineLine[]>();
    for (const event of events) {
      const list = lines.get(event.incidentId) ?? [];
      list.push({ id: String(event.id), type: event.type, actor: event.actor, at: event.at, data: event.data });
      lines.set(event.incidentId, list);
    }
    const externalIds = new Map(keys.map((row) => [row.id, row.idempotency_key]));
    return incidents.map((incident) => troubleTicket(incident, lines.get(incident.id) ?? [], externalIds.get(incident.id) ?? null));
  }
}
