import { AlreadyExistsError } from '@netduty/platform-errors';
import type { IncidentCategory, IncidentOrigin, Severity, UpstreamKind } from '@netduty/contracts';
import type { Deadline, IncidentLifecycle, IncidentScope } from '@netduty/domain';
import type { IncidentRecord, ReportedSite } from './incident-record';

/** A caller's retry key, the owner it belongs to and the fingerprint of the body it first came with. */
export interface IdempotencyStamp {
  idempotencyKey: string;
  idempotencyOwner: string;
  idempotencyBodyHash: string;
}

export interface NewIncidentRecord {
  site: ReportedSite;
  category: IncidentCategory;
  severity: Severity;
  description: string;
  reporterName: string;
  reportedBy: string | null;
  reporterPhone: string | null;
  reportedAt: Date;
  acknowledge: Deadline;
  restore: Deadline;
  idempotency: IdempotencyStamp | null;
  /** A person's report when left out; 'alarm' from the network, 'correlation' for a mass-outage parent. */
  origin?: IncidentOrigin;
  /** On a mass-outage parent: the upstream its children share. */
  correlation?: { kind: UpstreamKind; key: string };
}

/**
 * Another request already stored an incident under this caller's key (it won a race to commit). The
 * report answers as a retry of that one; were it gone, the caller would get the unique key's 409.
 */
export class IdempotencyKeyTakenError extends AlreadyExistsError {
  constructor() {
    super('Idempotency-Key');
  }
}

/** Incidents within one unit of work. */
export interface IncidentRepository {
  /**
   * Locks the incident for the rest of the unit of work. Null when it does not exist or lies outside
   * the scope: the caller cannot tell the two apart.
   */
  lockForUpdate(id: string, scope: IncidentScope): Promise<IncidentRecord | null>;
  load(id: string): Promise<IncidentRecord | null>;
  /** Stores the changed lifecycle fields (none for a comment) and moves the version on by one. */
  save(incident: Pick<IncidentRecord, 'id' | 'version'>, changes: Partial<IncidentLifecycle>): Promise<void>;
  /** Returns the new incident's id; throws IdempotencyKeyTakenError when the key is already stored. */
  insert(incident: NewIncidentRecord): Promise<string>;
  findByIdempotencyKey(owner: string, key: string): Promise<Pick<IncidentRecord, 'id' | 'idempotencyBodyHash'> | null>;
}
