import { AlarmEntity } from './alarm.entity';
import { AlarmEventEntity } from './alarm-event.entity';
import { AlarmRuleEntity } from './alarm-rule.entity';
import { AlarmWebhookMappingEntity } from './alarm-webhook-mapping.entity';
import { MaintenanceWindowEntity } from './maintenance-window.entity';
import { NmsApiKeyEntity } from './nms-api-key.entity';
import { NmsSourceEntity } from './nms-source.entity';
import { TmfHubSubscriptionEntity } from './tmf-hub-subscription.entity';
import { OnDutyGroupEntity } from './on-duty-group.entity';
import { ShiftHandoverEntity } from './shift-handover.entity';
import { EscalationPolicyEntity } from './escalation-policy.entity';
import { EventPeriodEntity } from './event-period.entity';
import { GeneratorDispatchEntity } from './generator-dispatch.entity';
import { RoamingRequestEntity } from './roaming-request.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { BatteryEstimateEntity } from './battery-estimate.entity';
import { ClusterCommuneEntity } from './cluster-commune.entity';
import { ClusterEntity } from './cluster.entity';
import { CommuneEntity } from './commune.entity';
import { EscalationEntity } from './escalation.entity';
import { IncidentEventEntity } from './incident-event.entity';
import { IncidentResponderEntity } from './incident-responder.entity';
import { IncidentEntity } from './incident.entity';
import { NotificationAckUseEntity } from './notification-ack-use.entity';
import { NotificationContactEntity } from './notification-contact.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationGatewayEntity } from './notification-gateway.entity';
import { NotificationInAppEntity } from './notification-in-app.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { OperatorEntity } from './operator.entity';
import { ProvinceEntity } from './province.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ResponderEntity } from './responder.entity';
import { SessionFamilyEntity } from './session-family.entity';
import { SiteEntity } from './site.entity';
import { SiteStateChangeEntity } from './site-state-change.entity';
import { SituationReportEntity } from './situation-report.entity';
import { SituationReportNumberEntity } from './situation-report-number.entity';
import { SlaPolicyEntity } from './sla-policy.entity';
import { UserEntity } from './user.entity';

export {
  OnDutyGroupEntity,
  ShiftHandoverEntity,
  EscalationPolicyEntity,
  EventPeriodEntity,
  NotificationAckUseEntity,
  NotificationContactEntity,
  NotificationDeliveryEntity,
  NotificationGatewayEntity,
  NotificationInAppEntity,
  NotificationPreferenceEntity,
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
  SiteStateChangeEntity,
  SituationReportEntity,
  SituationReportNumberEntity,
  SlaPolicyEntity,
  AlarmEntity,
  AlarmEventEntity,
  AlarmRuleEntity,
  AlarmWebhookMappingEntity,
  MaintenanceWindowEntity,
  NmsApiKeyEntity,
  NmsSourceEntity,
  TmfHubSubscriptionEntity,
  GeneratorDispatchEntity,
  BatteryEstimateEntity,
  RoamingRequestEntity,
};

export const ENTITIES = [
  OnDutyGroupEntity,
  ShiftHandoverEntity,
  EscalationPolicyEntity,
  EventPeriodEntity,
  OperatorEntity,
  ProvinceEntity,
  CommuneEntity,
  SiteEntity,
  SiteStateChangeEntity,
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
  NotificationGatewayEntity,
  NotificationPreferenceEntity,
  NotificationContactEntity,
  NotificationDeliveryEntity,
  NotificationInAppEntity,
  NotificationAckUseEntity,
  SituationReportEntity,
  SituationReportNumberEntity,
  NmsSourceEntity,
  NmsApiKeyEntity,
  AlarmRuleEntity,
  AlarmEntity,
  AlarmEventEntity,
  MaintenanceWindowEntity,
  TmfHubSubscriptionEntity,
  GeneratorDispatchEntity,
  BatteryEstimateEntity,
  AlarmWebhookMappingEntity,
  RoamingRequestEntity,
];
