import type { AuditRecorder } from './audit-recorder';
import type { IncidentRepository } from './incident-repository';
import type { ResponderAssignments } from './responder-assignments';
import type { SiteLookup } from './site-lookup';
import type { SlaPolicyLookup } from './sla-policy-lookup';
import type { TimelineWriter } from './timeline-writer';

/**
 * The unit of work's transaction itself, opaque to the use cases. A caller whose own rows must commit
 * with the incident's change (the api's acknowledge link marks its token used) writes them through it,
 * by the adapter's `managerOf`.
 */
export interface TransactionHandle {
  readonly kind: 'transaction';
}

/** The repositories of one unit of work, all bound to its transaction. */
export interface IncidentRepositories {
  transaction: TransactionHandle;
  incidents: IncidentRepository;
  responders: ResponderAssignments;
  timeline: TimelineWriter;
  slaPolicies: SlaPolicyLookup;
  sites: SiteLookup;
  audit: AuditRecorder;
}

/**
 * Runs `work` in one transaction: everything it wrote is committed when it resolves, nothing when it
 * throws. Post-commit effects belong after `run` returns, never inside it.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: (repositories: IncidentRepositories) => Promise<T>): Promise<T>;
}
