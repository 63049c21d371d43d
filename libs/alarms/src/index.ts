// The worker's half (alarm events to incidents, correlation).
export * from './lib/processing';
// The api's half (TMF642 intake): what apps/api imports.
export * from './lib/alarm-intake.module';
export { AlarmIntake, type IntakeResult } from './lib/intake/alarm-intake.service';
export type { IntakeStats } from './lib/intake/intake-stats';
export { NmsKeyAuthenticator } from './lib/sources/nms-key-authenticator';
export { NmsSourcesService } from './lib/sources/nms-sources.service';
export { newNmsApiKey, nmsApiKeyHash, looksLikeNmsApiKey } from './lib/sources/nms-api-key';
export type { NmsCaller } from './lib/sources/nms-caller';
export { SourceSystemMismatchError, NotAlarmOwnerError } from './lib/sources/source-errors';
export { AlarmQueries } from './lib/queries/alarm-queries.service';
export { alarmListQuery, ALARM_LIST_LIMITS, type AlarmListQuery } from './lib/queries/alarm-list-query';
export { AlarmTasks } from './lib/tasks/alarm-tasks.service';
export { HubSubscriptions, type TmfHubApi } from './lib/hub/hub-subscriptions.service';
export { AlarmWebhooks, webhookAlarmChange } from './lib/webhook/alarm-webhooks.service';
export { mapWebhookPayload, type WebhookAlarm, type WebhookMappingResult } from './lib/webhook/map-webhook-payload';
export { validateWebhookMapping } from './lib/webhook/webhook-mapping';
export { alarmCreateChange, alarmUpdateChange } from './lib/tmf642/alarm-body';
export { selectFields, singleResourceFields } from './lib/tmf/tmf-query';
export { tmf642Validator, tmf642Problems, type Tmf642Definition } from './lib/tmf642/tmf642-schemas';
export * from './lib/tmf642/tmf642-resources';
export * from './lib/battery';
// SNMP traps (v2c, v3) into the same intake: the api imports SnmpTrapModule.
export * from './lib/snmp';
export * from './lib/roaming';
// TMF621 Trouble Ticket over incidents, for the operators' ticketing systems.
export * from './lib/tmf621';
