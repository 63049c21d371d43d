import { ALARM_ACK_STATES, ALARM_STATES, PERCEIVED_SEVERITIES } from '@netduty/contracts';
import { InvalidInputError, UnprocessableInputError } from '@netduty/platform-errors';
import type { AlarmAttributes, AlarmChange, StoredComment } from '../intake/alarm-change';
import type { NmsCaller } from '../sources/nms-caller';
import { SourceSystemMismatchError } from '../sources/source-errors';
import { PLANNED_OUTAGE_VALUES } from './tmf642-resources';
import { ALARM_INPUT_LIMITS, ProblemList } from './tmf642-input-rules';
import { tmf642Problems, type Tmf642Definition } from './tmf642-schemas';

type Body = Record<string, unknown>;

/**
 * Attributes with a column of their own, or that NetDuty derives (relations from incidents, the
 * resource's identity): everything else the source sends is kept in details and echoed back.
 */
const NOT_DETAILS = new Set([
  'id',
  'href',
  'externalAlarmId',
  'sourceSystemId',
  'state',
  'alarmType',
  'perceivedSeverity',
  'probableCause',
  'specificProblem',
  'alarmedObject',
  'alarmRaisedTime',
  'alarmChangedTime',
  'alarmClearedTime',
  'ackState',
  'ackUserId',
  'ackSystemId',
  'plannedOutageIndicator',
  'isRootCause',
  'parentAlarm',
  'correlatedAlarm',
  'comment',
  '@type',
]);

/** Alarm_Update skips these (the spec's own list) and NetDuty keys alarms by externalAlarmId. */
const NOT_PATCHABLE = ['id', 'href', 'alarmRaisedTime', 'sourceSystemId', 'externalAlarmId'] as const;

/** Malformed against the spec's schema: 400 naming each field. */
export function requireConforming(definition: Tmf642Definition, body: unknown): Body {
  const problems = tmf642Problems(definition, body);
  if (problems.length > 0) throw new InvalidInputError(problems);
  return body as Body;
}

function plannedOutage(problems: ProblemList, value: unknown): boolean | undefined {
  const given = problems.oneOf('plannedOutageIndicator', value, [PLANNED_OUTAGE_VALUES.inService, PLANNED_OUTAGE_VALUES.outOfService]);
  return given === undefined ? undefined : given === PLANNED_OUTAGE_VALUES.outOfService;
}

/** TMF Comment → alarms.comments; a comment without text says nothing and is refused. */
export function storedComment(problems: ProblemList, field: string, value: Body, caller: NmsCaller, now: Date): StoredComment | undefined {
  const text = problems.text(`${field}.comment`, value['comment'], ALARM_INPUT_LIMITS.commentMaxLength, { required: true });
  const author = problems.text(`${field}.userId`, value['userId'], ALARM_INPUT_LIMITS.shortTextMaxLength);
  const systemId = problems.text(`${field}.systemId`, value['systemId'], ALARM_INPUT_LIMITS.shortTextMaxLength);
  const time = problems.instant(`${field}.time`, value['time'], now);
  if (text === undefined) return undefined;
  return { author: author ?? caller.sourceSystemId, ...(systemId ? { systemId } : {}), date: (time ?? now).toISOString(), text };
}

function comments(problems: ProblemList, value: unknown, caller: NmsCaller, now: Date): StoredComment[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length > ALARM_INPUT_LIMITS.commentsMax) {
    problems.add({ field: 'comment', code: 'too_many_items', params: { max: ALARM_INPUT_LIMITS.commentsMax } });
    return undefined;
  }
  return (value as Body[]).flatMap((item, index) => {
    const comment = storedComment(problems, `comment.${index}`, item, caller, now);
    return comment ? [comment] : [];
  });
}

function details(problems: ProblemList, body: Body): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(Object.entries(body).filter(([name]) => !NOT_DETAILS.has(name)));
  if (Object.keys(kept).length === 0) return undefined;
  if (Buffer.byteLength(JSON.stringify(kept)) > ALARM_INPUT_LIMITS.detailsMaxBytes) {
    problems.add({ field: 'body', code: 'too_large', params: { max: ALARM_INPUT_LIMITS.detailsMaxBytes, rule: 'other_attributes_bytes' } });
    return undefined;
  }
  return kept;
}

/** The attributes every alarm body may carry, read with NetDuty's rules. */
function attributesOf(problems: ProblemList, body: Body, caller: NmsCaller, now: Date): AlarmAttributes {
  const limits = ALARM_INPUT_LIMITS;
  const alarmedObject = body['alarmedObject'] as Body | undefined;
  const attributes: AlarmAttributes = {
    state: problems.oneOf('state', body['state'], ALARM_STATES),
    alarmType: problems.text('alarmType', body['alarmType'], limits.shortTextMaxLength),
    perceivedSeverity: problems.oneOf('perceivedSeverity', body['perceivedSeverity'], PERCEIVED_SEVERITIES),
    probableCause: problems.text('probableCause', body['probableCause'], limits.shortTextMaxLength),
    specificProblem: problems.text('specificProblem', body['specificProblem'], limits.specificProblemMaxLength),
    siteCode: alarmedObject ? problems.text('alarmedObject.id', alarmedObject['id'], limits.siteCodeMaxLength, { required: true }) : undefined,
    alarmRaisedTime: problems.instant('alarmRaisedTime', body['alarmRaisedTime'], now),
    alarmClearedTime: problems.instant('alarmClearedTime', body['alarmClearedTime'], now),
    ackState: problems.oneOf('ackState', body['ackState'], ALARM_ACK_STATES),
    ackUserId: problems.text('ackUserId', body['ackUserId'], limits.shortTextMaxLength),
    ackSystemId: problems.text('ackSystemId', body['ackSystemId'], limits.shortTextMaxLength),
    plannedOutageIndicator: plannedOutage(problems, body['plannedOutageIndicator']),
    comments: comments(problems, body['comment'], caller, now),
    details: details(problems, body),
  };
  return attributes;
}

function isClearing(attributes: AlarmAttributes): boolean {
  return attributes.state === 'cleared' || attributes.perceivedSeverity === 'cleared';
}

/** Times must not run backwards within one body: a change or a clear before the raise is a mistake. */
function checkTimeOrder(problems: ProblemList, raisedAt: Date | undefined, changedAt: Date | undefined, clearedAt: Date | null | undefined): void {
  if (!raisedAt) return;
  if (changedAt && changedAt < raisedAt) problems.add({ field: 'alarmChangedTime', code: 'before_other_field', params: { field: 'alarmRaisedTime' } });
  if (clearedAt && clearedAt < raisedAt) problems.add({ field: 'alarmClearedTime', code: 'before_other_field', params: { field: 'alarmRaisedTime' } });
}

/**
 * POST /alarm: the spec's Alarm_Create, then NetDuty's rules — the source is the caller (403 otherwise),
 * externalAlarmId is required (idempotency), alarmedObject.id names a site, the enumerations are the
 * spec's values, texts and times are bounded. The site itself is resolved in the batch.
 */
export function alarmCreateChange(rawBody: unknown, caller: NmsCaller, now: Date = new Date()): AlarmChange {
  const body = requireConforming('Alarm_Create', rawBody);
  if (body['sourceSystemId'] !== caller.sourceSystemId) throw new SourceSystemMismatchError('sourceSystemId');
  const problems = new ProblemList();
  const externalAlarmId = problems.text('externalAlarmId', body['externalAlarmId'], ALARM_INPUT_LIMITS.externalAlarmIdMaxLength, { required: true });
  const attributes = attributesOf(problems, body, caller, now);
  for (const name of ['state', 'alarmType', 'perceivedSeverity', 'probableCause', 'alarmRaisedTime'] as const) {
    if (attributes[name] === undefined && !problems.problems.some((problem) => problem.field === name)) problems.add({ field: name, code: 'required' });
  }
  const changedTime = problems.instant('alarmChangedTime', body['alarmChangedTime'], now);
  checkTimeOrder(problems, attributes.alarmRaisedTime, changedTime, attributes.alarmClearedTime);
  if (!problems.empty || externalAlarmId === undefined || attributes.alarmRaisedTime === undefined) throw new UnprocessableInputError(problems.problems);
  return {
    kind: 'create',
    sourceSystemId: caller.sourceSystemId,
    operatorCode: caller.operatorCode,
    externalAlarmId,
    attributes,
    changedAt: changedTime ?? attributes.alarmClearedTime ?? attributes.alarmRaisedTime,
  };
}

/**
 * PATCH /alarm/{id}: the spec's Alarm_Update over the stored alarm. What the spec skips (and the key)
 * cannot change; a change without alarmChangedTime happens now (or at its alarmClearedTime).
 */
export function alarmUpdateChange(
  rawBody: unknown,
  caller: NmsCaller,
  stored: { externalAlarmId: string; alarmRaisedTime: Date },
  now: Date = new Date(),
): AlarmChange {
  const body = requireConforming('Alarm_Update', rawBody);
  const problems = new ProblemList();
  for (const name of NOT_PATCHABLE) {
    const value = body[name];
    const unchanged = name === 'externalAlarmId' ? value === stored.externalAlarmId : name === 'sourceSystemId' ? value === caller.sourceSystemId : false;
    if (value !== undefined && !unchanged) problems.add({ field: name, code: 'invalid', params: { rule: 'not_patchable' } });
  }
  const attributes = attributesOf(problems, body, caller, now);
  const changedTime = problems.instant('alarmChangedTime', body['alarmChangedTime'], now);
  checkTimeOrder(problems, stored.alarmRaisedTime, changedTime, attributes.alarmClearedTime);
  if (!problems.empty) throw new UnprocessableInputError(problems.problems);
  return {
    kind: 'update',
    sourceSystemId: caller.sourceSystemId,
    operatorCode: caller.operatorCode,
    externalAlarmId: stored.externalAlarmId,
    attributes,
    changedAt: changedTime ?? (isClearing(attributes) ? attributes.alarmClearedTime : undefined) ?? now,
  };
}
