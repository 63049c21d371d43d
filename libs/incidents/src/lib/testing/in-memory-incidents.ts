import { randomUUID } from 'node:crypto';
import type { AssignedResponder, DeadlineDto, IncidentDto, OperatorCode, PriorityTier, Severity } from '@netduty/contracts';
import {
  allowedActions,
  DEFAULT_SLA_POLICY,
  nextDeadline,
  scopeFilterOf,
  scopeSees,
  type DeadlineClock,
  type DeadlineStart,
  type IncidentLifecycle,
  type IncidentScope,
  type JourneyProgress,
  type NewTimelineEvent,
  type SlaWindow,
} from '@netduty/domain';
import type { AuditChange } from '@netduty/identity';
import { NotFoundError } from '@netduty/platform-errors';
import { IncidentEffects } from '../ports/incident-effects';
import type { IncidentRecord, ReportedSite } from '../ports/incident-record';
import { IncidentReader } from '../ports/incident-reader';
import { IdempotencyKeyTakenError, type IncidentRepository, type NewIncidentRecord } from '../ports/incident-repository';
import { UnitOfWork, type IncidentRepositories } from '../ports/unit-of-work';
import type { NewAssignment } from '../ports/responder-assignments';

/** Test doubles of the incident ports: the same rules as the TypeORM adapters, over plain maps. */

export interface InMemoryResponder extends AssignedResponder {
  operatorCode: OperatorCode;
  /** The communes the responder's cluster covers. */
  communeCodes: string[];
  active: boolean;
}

export interface TimelineLine {
  incidentId: string;
  actor: string;
  event: NewTimelineEvent;
}

/** One assignment's time and journey, keyed by incident and responder. */
export interface InMemoryJourney extends JourneyProgress {
  assignedAt: Date;
}

interface StoredState {
  incidents: Map<string, IncidentRecord>;
  assignments: Map<string, string[]>;
  journeys: Map<string, InMemoryJourney>;
  timeline: TimelineLine[];
  audit: AuditChange[];
}

function emptyState(): StoredState {
  return { incidents: new Map(), assignments: new Map(), journeys: new Map(), timeline: [], audit: [] };
}

/** The stored state: what committed units of work left, and nothing of the ones that threw. */
export class InMemoryIncidentStore {
  committed: StoredState = emptyState();
  commits = 0;
  readonly sites = new Map<string, ReportedSite>();
  readonly responders: InMemoryResponder[] = [];
  readonly policies = new Map<string, SlaWindow>();
  /** Called by an insert before it checks the key, e.g. to let a competing request commit first. */
  beforeInsert: (() => void) | null = null;
  /** Makes the next audit line fail, rolling its unit of work back. */
  failNextAudit: Error | null = null;
  private nextReference = 1;

  constructor() {
    for (const [severity, tiers] of Object.entries(DEFAULT_SLA_POLICY)) {
      for (const [priority, window] of Object.entries(tiers)) this.policies.set(`${severity}/${priority}`, window);
    }
  }

  addSite(site: Omit<ReportedSite, 'id'> & { id?: string }): ReportedSite {
    const stored = { id: site.id ?? randomUUID(), operatorCode: site.operatorCode, communeCode: site.communeCode, priority: site.priority };
    this.sites.set(stored.id, stored);
    return stored;
  }

  addResponder(responder: Omit<InMemoryResponder, 'id' | 'active'> & { active?: boolean }): InMemoryResponder {
    const stored = { id: randomUUID(), active: true, ...responder };
    this.responders.push(stored);
    return stored;
  }

  /** Stores an incident directly (as a seeder or an earlier request would have). */
  addIncident(site: ReportedSite, fields: Partial<IncidentRecord> = {}): IncidentRecord {
    const now = new Date('2026-10-01T01:00:00Z');
    const incident: IncidentRecord = {
      id: randomUUID(),
      reference: this.drawReference(),
      siteId: site.id,
      operatorCode: site.operatorCode,
      communeCode: site.communeCode,
      category: 'mains_failure',
      severity: 'critical',
      priority: site.priority,
      status: 'reported',
      description: 'Mất điện lưới',
      reporterName: 'Cụm kỹ thuật',
      reportedBy: null,
      reporterPhone: null,
      reportedAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      ackStartsAt: now,
      ackDueAt: new Date(now.getTime() + 300_000),
      restoreStartsAt: now,
      restoreDueAt: new Date(now.getTime() + 7_200_000),
      slaCycle: 1,
      escalationLevel: 0,
      idempotencyKey: null,
      idempotencyOwner: null,
      idempotencyBodyHash: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
    this.committed.incidents.set(incident.id, incident);
    return incident;
  }

  /** An assignment's journey as committed. */
  journey(incidentId: string, responderId: string): InMemoryJourney | undefined {
    return this.committed.journeys.get(journeyKey(incidentId, responderId));
  }

  incident(id: string): IncidentRecord {
    const incident = this.committed.incidents.get(id);
    if (!incident) throw new Error(`no incident ${id}`);
    return incident;
  }

  drawReference(): string {
    return `SC-${String(this.nextReference++).padStart(6, '0')}`;
  }

  visible(state: StoredState, incident: IncidentRecord, scope: IncidentScope): boolean {
    return scopeSees(scopeFilterOf(scope), {
      operatorCode: incident.operatorCode,
      communeCodes: [incident.communeCode],
      assigneeIds: state.assignments.get(incident.id) ?? [],
    });
  }

  windowFor(severity: Severity, priority: PriorityTier): SlaWindow {
    const window = this.policies.get(`${severity}/${priority}`);
    if (!window) throw new Error(`no SLA policy for ${severity}/${priority}`);
    return window;
  }
}

class InMemoryIncidentRepository implements IncidentRepository {
  constructor(
    private readonly store: InMemoryIncidentStore,
    private readonly state: StoredState,
  ) {}

  async lockForUpdate(id: string, scope: IncidentScope): Promise<IncidentRecord | null> {
    const incident = this.state.incidents.get(id);
    return incident && this.store.visible(this.state, incident, scope) ? { ...incident } : null;
  }

  async load(id: string): Promise<IncidentRecord | null> {
    const incident = this.state.incidents.get(id);
    return incident ? { ...incident } : null;
  }

  async save(incident: Pick<IncidentRecord, 'id' | 'version'>, changes: Partial<IncidentLifecycle>): Promise<void> {
    const stored = this.state.incidents.get(incident.id);
    if (!stored) throw new Error(`no incident ${incident.id}`);
    this.state.incidents.set(incident.id, { ...stored, ...changes, version: incident.version + 1 });
  }

  async insert(incident: NewIncidentRecord): Promise<string> {
    this.store.beforeInsert?.();
    const key = incident.idempotency;
    const taken = (records: Map<string, IncidentRecord>) =>
      key !== null &&
      [...records.values()].some((other) => other.idempotencyOwner === key.idempotencyOwner && other.idempotencyKey === key.idempotencyKey);
    // The unique key sees rows committed by others meanwhile, as the database's constraint does.
    if (taken(this.state.incidents) || taken(this.store.committed.incidents)) throw new IdempotencyKeyTakenError();
    const id = randomUUID();
    this.state.incidents.set(id, {
      id,
      reference: this.store.drawReference(),
      siteId: incident.site.id,
      operatorCode: incident.site.operatorCode,
      communeCode: incident.site.communeCode,
      category: incident.category,
      severity: incident.severity,
      priority: incident.site.priority,
      status: 'reported',
      description: incident.description,
      reporterName: incident.reporterName,
      reportedBy: incident.reportedBy ?? null,
      reporterPhone: incident.reporterPhone ?? null,
      reportedAt: incident.reportedAt,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      ackStartsAt: incident.acknowledge.startsAt,
      ackDueAt: incident.acknowledge.dueAt,
      restoreStartsAt: incident.restore.startsAt,
      restoreDueAt: incident.restore.dueAt,
      slaCycle: 1,
      escalationLevel: 0,
      idempotencyKey: key?.idempotencyKey ?? null,
      idempotencyOwner: key?.idempotencyOwner ?? null,
      idempotencyBodyHash: key?.idempotencyBodyHash ?? null,
      version: 1,
      createdAt: incident.reportedAt,
      updatedAt: incident.reportedAt,
    });
    return id;
  }

  async findByIdempotencyKey(owner: string, key: string): Promise<Pick<IncidentRecord, 'id' | 'idempotencyBodyHash'> | null> {
    const found = [...this.state.incidents.values()].find((incident) => incident.idempotencyOwner === owner && incident.idempotencyKey === key);
    return found ? { id: found.id, idempotencyBodyHash: found.idempotencyBodyHash } : null;
  }
}

function journeyKey(incidentId: string, responderId: string): string {
  return `${incidentId}/${responderId}`;
}

/** Each run works on a copy of the stored state and replaces it only when the work resolves. */
export class InMemoryUnitOfWork extends UnitOfWork {
  constructor(private readonly store: InMemoryIncidentStore) {
    super();
  }

  async run<T>(work: (repositories: IncidentRepositories) => Promise<T>): Promise<T> {
    const working = structuredClone(this.store.committed);
    const result = await work(this.bind(working));
    this.store.committed = working;
    this.store.commits += 1;
    return result;
  }

  private bind(state: StoredState): IncidentRepositories {
    const store = this.store;
    return {
      transaction: { kind: 'transaction' },
      incidents: new InMemoryIncidentRepository(store, state),
      responders: {
        async coveringAmong(incident, ids) {
          return store.responders
            .filter((responder) => ids.includes(responder.id) && responder.active)
            .filter((responder) => responder.operatorCode === incident.operatorCode && responder.communeCodes.includes(incident.communeCode))
            .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
            .map(({ id, name, phone }) => ({ id, name, phone }));
        },
        async replace(incidentId, responderIds) {
          for (const responderId of state.assignments.get(incidentId) ?? []) {
            if (!responderIds.includes(responderId)) state.journeys.delete(journeyKey(incidentId, responderId));
          }
          const made: { responderId: string; assignedAt: Date }[] = [];
          for (const responderId of responderIds) {
            const key = journeyKey(incidentId, responderId);
            if (state.journeys.has(key)) continue;
            const assignedAt = new Date();
            state.journeys.set(key, { assignedAt, acceptedAt: null, enRouteAt: null, onSiteAt: null });
            made.push({ responderId, assignedAt });
          }
          state.assignments.set(incidentId, [...responderIds]);
          return made;
        },
        async lockAssignment(incidentId, responderId) {
          const journey = state.journeys.get(journeyKey(incidentId, responderId));
          const responder = store.responders.find((candidate) => candidate.id === responderId);
          if (!journey || !responder) return null;
          return { ...journey, responder: { id: responder.id, name: responder.name, phone: responder.phone } };
        },
        async recordJourney(incidentId, responderId, changes) {
          const key = journeyKey(incidentId, responderId);
          const journey = state.journeys.get(key);
          if (!journey) throw new Error(`no assignment ${key}`);
          state.journeys.set(key, { ...journey, ...changes });
        },
      },
      timeline: {
        async append(incidentId, actor, event) {
          state.timeline.push({ incidentId, actor, event });
        },
        async appendEach(lines) {
          for (const { incidentId, actor, event } of lines) state.timeline.push({ incidentId, actor, event });
        },
      },
      slaPolicies: {
        windowFor: async (severity, priority) => store.windowFor(severity, priority),
        // No event period in memory: the site's own tier and window.
        termsFor: async (severity, site) => ({ priority: site.priority, window: store.windowFor(severity, site.priority) }),
      },
      sites: { find: async (siteId) => store.sites.get(siteId) ?? null },
      audit: {
        async record(change) {
          const failure = store.failNextAudit;
          if (failure) {
            store.failNextAudit = null;
            throw failure;
          }
          state.audit.push(change);
        },
      },
    };
  }
}

/** Reads the committed state only, as a read after the commit does. */
export class InMemoryIncidentReader extends IncidentReader {
  constructor(private readonly store: InMemoryIncidentStore) {
    super();
  }

  async getDto(id: string, scope: IncidentScope = { kind: 'all' }): Promise<IncidentDto> {
    const state = this.store.committed;
    const incident = state.incidents.get(id);
    if (!incident || !this.store.visible(state, incident, scope)) throw new NotFoundError('incident', id);
    const acknowledgeDeadline: DeadlineDto = { kind: 'acknowledge', startsAt: incident.ackStartsAt.toISOString(), dueAt: incident.ackDueAt.toISOString() };
    const restoreDeadline: DeadlineDto = { kind: 'restore', startsAt: incident.restoreStartsAt.toISOString(), dueAt: incident.restoreDueAt.toISOString() };
    const assigned = state.assignments.get(id) ?? [];
    return {
      id: incident.id,
      reference: incident.reference,
      site: {
        id: incident.siteId,
        code: `SITE-${incident.siteId.slice(0, 4)}`,
        name: 'Trạm thử',
        kind: 'bts',
        operator: { code: incident.operatorCode, name: incident.operatorCode, kind: 'telecom' },
        commune: { code: incident.communeCode, name: incident.communeCode, divisionType: 'xã', formerDistrict: null },
        state: 'in_service',
        downKind: null,
        priority: incident.priority,
        latitude: 21.85,
        longitude: 106.76,
      },
      category: incident.category,
      severity: incident.severity,
      priority: incident.priority,
      status: incident.status,
      description: incident.description,
      reporterName: incident.reporterName,
      reportedBy: incident.reportedBy ?? null,
      reporterPhone: incident.reporterPhone ?? null,
      responders: this.store.responders
        .filter((responder) => assigned.includes(responder.id))
        .map((responder) => ({ id: responder.id, name: responder.name, phone: responder.phone, clusterId: 'cluster', clusterName: 'Cụm', active: true })),
      reportedAt: incident.reportedAt.toISOString(),
      acknowledgedAt: incident.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      closedAt: incident.closedAt?.toISOString() ?? null,
      acknowledgeDeadline,
      restoreDeadline,
      nextDeadline: nextDeadline(incident.status, acknowledgeDeadline, restoreDeadline),
      escalationLevel: incident.escalationLevel,
      allowedActions: allowedActions(incident.status),
      origin: 'manual',
      parentIncidentId: null,
      correlation: null,
      flapping: false,
      updatedAt: incident.updatedAt.toISOString(),
    };
  }
}

/** Each effect with the number of units of work committed when it ran. */
export type RecordedEffect =
  | { effect: 'schedule'; incidentId: string; deadlines: DeadlineStart[]; afterCommits: number }
  | { effect: 'cancel'; incidentId: string; clocks: DeadlineClock[]; afterCommits: number }
  | { effect: 'accept'; incidentId: string; assignments: NewAssignment[]; afterCommits: number }
  | { effect: 'created' | 'updated'; incident: IncidentDto; afterCommits: number };

/** Records every effect, and how many commits preceded it. */
export class RecordingEffects extends IncidentEffects {
  readonly effects: RecordedEffect[] = [];
  /** Makes every enqueue and cancel fail, as an unreachable Redis does. */
  queueFailure: Error | null = null;

  constructor(private readonly store: InMemoryIncidentStore) {
    super();
  }

  async scheduleDeadlines(incidentId: string, deadlines: readonly DeadlineStart[]): Promise<void> {
    if (this.queueFailure) throw this.queueFailure;
    this.effects.push({ effect: 'schedule', incidentId, deadlines: [...deadlines], afterCommits: this.store.commits });
  }

  async cancelDeadlines(incidentId: string, clocks: readonly DeadlineClock[]): Promise<void> {
    if (this.queueFailure) throw this.queueFailure;
    this.effects.push({ effect: 'cancel', incidentId, clocks: [...clocks], afterCommits: this.store.commits });
  }

  async watchAcceptance(incidentId: string, assignments: readonly NewAssignment[]): Promise<void> {
    if (this.queueFailure) throw this.queueFailure;
    this.effects.push({ effect: 'accept', incidentId, assignments: [...assignments], afterCommits: this.store.commits });
  }

  publishCreated(incident: IncidentDto): void {
    this.effects.push({ effect: 'created', incident, afterCommits: this.store.commits });
  }

  publishUpdated(incident: IncidentDto): void {
    this.effects.push({ effect: 'updated', incident, afterCommits: this.store.commits });
  }
}

/** A store with its unit of work, reader and effects, wired as IncidentsModule wires the real ones. */
export function inMemoryIncidents() {
  const store = new InMemoryIncidentStore();
  return {
    store,
    unitOfWork: new InMemoryUnitOfWork(store),
    reader: new InMemoryIncidentReader(store),
    effects: new RecordingEffects(store),
  };
}
