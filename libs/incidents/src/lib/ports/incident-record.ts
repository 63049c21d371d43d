import type { IncidentCategory, IncidentStatus, OperatorCode, PriorityTier, Severity } from '@netduty/contracts';

/** An incident row as the use cases read it (no relations): the TypeORM entity is one. */
export interface IncidentRecord {
  id: string;
  reference: string;
  siteId: string;
  operatorCode: OperatorCode;
  communeCode: string;
  category: IncidentCategory;
  severity: Severity;
  priority: PriorityTier;
  status: IncidentStatus;
  description: string;
  reporterName: string;
  reportedBy: string | null;
  reporterPhone: string | null;
  reportedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  ackStartsAt: Date;
  ackDueAt: Date;
  restoreStartsAt: Date;
  restoreDueAt: Date;
  slaCycle: number;
  escalationLevel: number;
  idempotencyKey: string | null;
  idempotencyOwner: string | null;
  idempotencyBodyHash: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The site an incident is reported at: its operator, commune and priority are copied onto the incident. */
export interface ReportedSite {
  id: string;
  operatorCode: OperatorCode;
  communeCode: string;
  priority: PriorityTier;
}
