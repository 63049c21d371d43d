import type { AuditChange } from '@netduty/identity';

/** The audit trail, written in the same unit of work as the change it records. */
export interface AuditRecorder {
  record(change: AuditChange): Promise<void>;
}
