import type { FieldProblem } from './errors';
import type { IsoInstant } from './dto';
import type { AlarmState, PerceivedSeverity } from './enums';

/**
 * The generic alarm webhook (POST /api/v1/alarm-webhooks/{sourceSystemId}) for NMSs that speak neither
 * TMF642 nor SNMP: a JSON payload of the vendor's own shape, turned into alarms by a declarative mapping
 * of JSONPath expressions kept per NMS source. Paths are evaluated without any script (no `?()` filters,
 * no `()` expressions): a mapping is data, never code.
 */

/** Where one attribute of an alarm is read: a JSONPath into the item, or a constant for every item. */
export interface WebhookFieldSource {
  /** JSONPath relative to one item (`$` is the item), e.g. `$.alarmInfo.ne.name`. */
  path?: string;
  /** The same value for every item (e.g. an alarmType the vendor never sends). */
  value?: string;
}

/** A field whose vendor values are translated (e.g. {"CRIT": "critical"}); values not in the map are taken as they are. */
export interface WebhookMappedFieldSource extends WebhookFieldSource {
  valueMap?: Record<string, string>;
}

export const WEBHOOK_TIME_FORMATS = ['iso8601', 'epoch_milliseconds', 'epoch_seconds'] as const;
export type WebhookTimeFormat = (typeof WEBHOOK_TIME_FORMATS)[number];

export interface WebhookTimeSource {
  path: string;
  /** iso8601 (default) needs an offset or Z: a local time without a zone is ambiguous. */
  format?: WebhookTimeFormat;
}

/** How a clear is told from a raise: the value at `path` is one of `clearedValues`. */
export interface WebhookClearDetection {
  path: string;
  clearedValues: string[];
}

export interface AlarmWebhookMapping {
  /** JSONPath to the alarms of one payload; `$` (the default) for a payload that is one alarm. */
  items?: string;
  externalAlarmId: WebhookFieldSource;
  siteCode: WebhookFieldSource;
  perceivedSeverity: WebhookMappedFieldSource;
  probableCause: WebhookMappedFieldSource;
  alarmType: WebhookMappedFieldSource;
  specificProblem?: WebhookFieldSource;
  raisedTime: WebhookTimeSource;
  clearedTime?: WebhookTimeSource;
  /** Without it, only a perceivedSeverity mapped to `cleared` clears. */
  clear?: WebhookClearDetection;
}

export interface AlarmWebhookMappingDto {
  sourceSystemId: string;
  mapping: AlarmWebhookMapping;
  updatedAt: IsoInstant;
  updatedBy: string | null;
}

/** One alarm as a payload maps to it (what the intake would be given). */
export interface MappedWebhookAlarmDto {
  /** The item's position in the payload's items. */
  index: number;
  externalAlarmId: string;
  siteCode: string;
  state: AlarmState;
  perceivedSeverity: PerceivedSeverity;
  probableCause: string;
  alarmType: string;
  specificProblem: string | null;
  alarmRaisedTime: IsoInstant;
  alarmClearedTime: IsoInstant | null;
}

/** POST …/webhook-mapping/dry-run: what a sample payload maps to, stored nowhere. */
export interface AlarmWebhookDryRunDto {
  items: number;
  alarms: MappedWebhookAlarmDto[];
  /** Fields named `items[3].siteCode`; `payload` for the payload as a whole. */
  problems: FieldProblem[];
}

export interface AlarmWebhookDryRunRequest {
  payload: unknown;
  /** A mapping to try instead of the stored one (so a mapping can be tested before it is saved). */
  mapping?: AlarmWebhookMapping;
}

/** 202 from the webhook: every alarm of the payload is committed. */
export interface AlarmWebhookAcceptedDto {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Older than what is stored (a retry arriving late): ignored. */
  stale: number;
}

export const ALARM_WEBHOOK_LIMITS = {
  /** Alarms in one payload; the byte size is the api's body limit (1 MiB, 413 beyond). */
  maxItems: 1_000,
  pathMaxLength: 500,
  valueMapMaxEntries: 200,
  clearedValuesMax: 50,
  mappedValueMaxLength: 200,
} as const;
