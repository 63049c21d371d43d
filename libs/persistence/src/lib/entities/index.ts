import { AuditEntryEntity } from './audit-entry.entity';
import { ClusterCommuneEntity } from './cluster-commune.entity';
import { ClusterEntity } from './cluster.entity';
import { CommuneEntity } from './commune.entity';
import { EscalationEntity } from './escalation.entity';
import { IncidentEventEntity } from './incident-event.entity';
import { IncidentResponderEntity } from './incident-responder.entity';
import { IncidentEntity } from './incident.entity';
import { OperatorEntity } from './operator.entity';
import { ProvinceEntity } from './province.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ResponderEntity } from './responder.entity';
import { SessionFamilyEntity } from './session-family.entity';
import { SiteEntity } from './site.entity';
import { SlaPolicyEntity } from './sla-policy.entity';
import { UserEntity } from './user.entity';

export {
  AuditEntryEntity,
  RefreshTokenEntity,
  SessionFamilyEntity,
  UserEntity,
  ClusterEntity,
  ClusterCommuneEntity,
  CommuneEntity,
  EscalationEntity,
  IncidentEventEntity,
  IncidentEntity,
  IncidentResponderEntity,
  OperatorEntity,
  ProvinceEntity,
  ResponderEntity,
  SiteEntity,
  SlaPolicyEntity,
};

export const ENTITIES = [
  OperatorEntity,
  ProvinceEntity,
  CommuneEntity,
  SiteEntity,
  ClusterEntity,
  ClusterCommuneEntity,
  ResponderEntity,
  SlaPolicyEntity,
  IncidentEntity,
  IncidentResponderEntity,
  IncidentEventEntity,
  EscalationEntity,
  UserEntity,
  SessionFamilyEntity,
  RefreshTokenEntity,
  AuditEntryEntity,
];
