import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnprocessableInputError } from '@netduty/platform-errors';
import type { AlarmChange } from '../intake/alarm-change';
import { AlarmIntake } from '../intake/alarm-intake.service';
import type { NmsCaller } from '../sources/nms-caller';
import { SourceSystemMismatchError } from '../sources/source-errors';
import { requireConforming, storedComment } from '../tmf642/alarm-body';
import { tmfComment } from '../tmf642/alarm-representation';
import { ALARM_INPUT_LIMITS, ProblemList } from '../tmf642/tmf642-input-rules';
import { alarmRef, type TmfAckAlarms, type TmfClearAlarms, type TmfCommentAlarms, type TmfGroupAlarms } from '../tmf642/tmf642-resources';
import { patternFilter } from './alarm-pattern';

type Body = Record<string, unknown>;

/** A stored comment list stops growing here: an NMS commenting in a loop cannot bloat the row. */
const MAX_STORED_COMMENTS = 200;

interface Target {
  id: string;
  externalAlarmId: string;
}

/**
 * TMF642's task resources, carried out at once on the caller's own alarms (those its sourceSystemId
 * raised) and answered `done` with the alarms they acted on. A clear goes through the intake, like a
 * PATCH, so it is ordered against the source's other changes and the worker sees its alarm_events row;
 * acknowledging, commenting and grouping change no state, so they update the rows directly.
 */
@Injectable()
export class AlarmTasks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: AlarmIntake,
  ) {}

  async ack(caller: NmsCaller, rawBody: unknown, now: Date = new Date()): Promise<TmfAckAlarms> {
    const body = requireConforming('AckAlarms_Create', rawBody);
    const problems = new ProblemList();
    const ackUserId = problems.text('ackUserId', body['ackUserId'], ALARM_INPUT_LIMITS.shortTextMaxLength, { required: true });
    const ackSystemId = problems.text('ackSystemId', body['ackSystemId'], ALARM_INPUT_LIMITS.shortTextMaxLength, { required: true });
    const ackTime = problems.instant('ackTime', body['ackTime'], now) ?? now;
    if (!problems.empty || !ackUserId || !ackSystemId) throw new UnprocessableInputError(problems.problems);
    const targets = await this.matching(caller, body);
    await this.dataSource.query(`UPDATE alarms SET ack_state = 'acknowledged', ack_user_id = $2, ack_system_id = $3, updated_at = now() WHERE id = ANY($1::uuid[])`, [
      targets.map((target) => target.id),
      ackUserId,
      ackSystemId,
    ]);
    return {
      id: randomUUID(),
      state: 'done',
      ackUserId,
      ackSystemId,
      ackTime: ackTime.toISOString(),
      alarmPattern: body['alarmPattern'] as unknown[],
      ackedAlarm: targets.map((target) => alarmRef(target.id)),
      '@type': 'AckAlarms',
    };
  }

  async clear(caller: NmsCaller, rawBody: unknown, now: Date = new Date()): Promise<TmfClearAlarms> {
    const body = requireConforming('ClearAlarms_Create', rawBody);
    const problems = new ProblemList();
    const clearUserId = problems.text('clearUserId', body['clearUserId'], ALARM_INPUT_LIMITS.shortTextMaxLength, { required: true });
    const clearSystemId = problems.text('clearSystemId', body['clearSystemId'], ALARM_INPUT_LIMITS.shortTextMaxLength, { required: true });
    const clearedAt = problems.instant('alarmClearedTime', body['alarmClearedTime'], now);
    if (!problems.empty || !clearUserId || !clearSystemId || !clearedAt) throw new UnprocessableInputError(problems.problems);
    const targets = await this.matching(caller, body);
    const changes: AlarmChange[] = targets.map((target) => ({
      kind: 'update',
      sourceSystemId: caller.sourceSystemId,
      operatorCode: caller.operatorCode,
      externalAlarmId: target.externalAlarmId,
      attributes: { state: 'cleared', perceivedSeverity: 'cleared', alarmClearedTime: clearedAt, details: { clearUserId, clearSystemId } },
      changedAt: clearedAt,
    }));
    const settled = await this.intake.acceptAll(changes);
    // Cleared: accepted and not older than the alarm's last change (a stale clear changed nothing).
    const cleared = settled.flatMap((result) => (result.status === 'fulfilled' && result.value.outcome !== 'stale' ? [alarmRef(result.value.alarm.id)] : []));
    return {
      id: randomUUID(),
      state: 'done',
      clearUserId,
      clearSystemId,
      alarmClearedTime: clearedAt.toISOString(),
      alarmPattern: body['alarmPattern'] as unknown[],
      clearedAlarm: cleared,
      '@type': 'ClearAlarms',
    };
  }

  async comment(caller: NmsCaller, rawBody: unknown, now: Date = new Date()): Promise<TmfCommentAlarms> {
    const body = requireConforming('CommentAlarms_Create', rawBody);
    const problems = new ProblemList();
    const comment = storedComment(problems, 'comment', body['comment'] as Body, caller, now);
    if (!problems.empty || !comment) throw new UnprocessableInputError(problems.problems);
    const targets = await this.matching(caller, body);
    const commented = (await this.dataSource.query(
      `UPDATE alarms SET comments = comments || $2::jsonb, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND jsonb_array_length(comments) < $3 RETURNING id`,
      [targets.map((target) => target.id), JSON.stringify([comment]), MAX_STORED_COMMENTS],
    )) as [{ id: string }[], number];
    const ids = new Set(commented[0].map((row) => row.id));
    return {
      id: randomUUID(),
      state: 'done',
      comment: tmfComment(comment),
      alarmPattern: body['alarmPattern'] as unknown[],
      commentedAlarm: targets.filter((target) => ids.has(target.id)).map((target) => alarmRef(target.id)),
      '@type': 'CommentAlarms',
    };
  }

  /**
   * The NMS's own grouping (its root cause and what it correlates), kept in each grouped alarm's details
   * as `sourceGrouping` and answered back. NetDuty's correlation is the worker's; this records the claim.
   */
  async group(caller: NmsCaller, rawBody: unknown, now: Date = new Date()): Promise<TmfGroupAlarms> {
    const body = requireConforming('GroupAlarms_Create', rawBody);
    if (body['sourceSystemId'] !== caller.sourceSystemId) throw new SourceSystemMismatchError('sourceSystemId');
    const problems = new ProblemList();
    const changedAt = problems.instant('alarmChangedTime', body['alarmChangedTime'], now);
    const correlated = body['correlatedAlarm'] as Body[];
    if (correlated.length > ALARM_INPUT_LIMITS.taskMaxAlarms) problems.add({ field: 'correlatedAlarm', code: 'too_many_items', params: { max: ALARM_INPUT_LIMITS.taskMaxAlarms } });
    if (!problems.empty || !changedAt) throw new UnprocessableInputError(problems.problems);
    const refs = [{ field: 'parentAlarm', ref: body['parentAlarm'] as Body }, ...correlated.map((ref, index) => ({ field: `correlatedAlarm.${index}`, ref }))];
    const resolved = await this.resolveRefs(caller, refs);
    const [parent, ...members] = resolved;
    if (!parent) throw new UnprocessableInputError([{ field: 'parentAlarm.id', code: 'required' }]);
    const groupId = randomUUID();
    const grouping = { groupId, parentAlarm: parent.id, correlatedAlarm: members.map((member) => member.id), alarmChangedTime: changedAt.toISOString() };
    await this.dataSource.query(`UPDATE alarms SET details = details || jsonb_build_object('sourceGrouping', $2::jsonb), updated_at = now() WHERE id = ANY($1::uuid[])`, [
      resolved.map((alarm) => alarm.id),
      JSON.stringify(grouping),
    ]);
    return {
      id: groupId,
      state: 'done',
      sourceSystemId: caller.sourceSystemId,
      alarmChangedTime: changedAt.toISOString(),
      parentAlarm: alarmRef(parent.id),
      correlatedAlarm: members.map((member) => alarmRef(member.id)),
      groupedAlarm: members.map((member) => alarmRef(member.id)),
      '@type': 'GroupAlarms',
    };
  }

  /** The caller's alarms matching the body's alarmPattern, at most ALARM_INPUT_LIMITS.taskMaxAlarms (else 422). */
  private async matching(caller: NmsCaller, body: Body): Promise<Target[]> {
    const filter = patternFilter(body['alarmPattern'] as Record<string, unknown>[], 1);
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.external_alarm_id FROM alarms a JOIN sites s ON s.id = a.site_id
        WHERE a.source_system_id = $1 AND ${filter.sql} ORDER BY a.id LIMIT ${ALARM_INPUT_LIMITS.taskMaxAlarms + 1}`,
      [caller.sourceSystemId, ...filter.parameters],
    )) as { id: string; external_alarm_id: string }[];
    if (rows.length > ALARM_INPUT_LIMITS.taskMaxAlarms) {
      throw new UnprocessableInputError([{ field: 'alarmPattern', code: 'too_many_items', params: { max: ALARM_INPUT_LIMITS.taskMaxAlarms } }]);
    }
    return rows.map((row) => ({ id: row.id, externalAlarmId: row.external_alarm_id }));
  }

  /** Alarm references by id or externalAlarmId among the caller's alarms; an unknown one is a 422 naming it. */
  private async resolveRefs(caller: NmsCaller, refs: { field: string; ref: Body }[]): Promise<Target[]> {
    const problems = new ProblemList();
    const wanted = refs.map(({ field, ref }) => {
      const id = typeof ref['id'] === 'string' ? ref['id'] : undefined;
      const externalAlarmId = typeof ref['externalAlarmId'] === 'string' ? ref['externalAlarmId'] : undefined;
      if (id === undefined && externalAlarmId === undefined) problems.add({ field: `${field}.id`, code: 'required' });
      return { field, id, externalAlarmId };
    });
    if (!problems.empty) throw new UnprocessableInputError(problems.problems);
    const rows = (await this.dataSource.query(
      `SELECT id, external_alarm_id FROM alarms WHERE source_system_id = $1 AND (id::text = ANY($2::text[]) OR external_alarm_id = ANY($3::text[]))`,
      [caller.sourceSystemId, wanted.flatMap((ref) => (ref.id ? [ref.id] : [])), wanted.flatMap((ref) => (ref.externalAlarmId ? [ref.externalAlarmId] : []))],
    )) as { id: string; external_alarm_id: string }[];
    const resolved = wanted.map((ref) => {
      const row = rows.find((candidate) => (ref.id ? candidate.id === ref.id : candidate.external_alarm_id === ref.externalAlarmId));
      if (!row) problems.add({ field: ref.id ? `${ref.field}.id` : `${ref.field}.externalAlarmId`, code: 'no_such_record' });
      return row ? { id: row.id, externalAlarmId: row.external_alarm_id } : null;
    });
    if (!problems.empty) throw new UnprocessableInputError(problems.problems);
    return resolved.filter((target): target is Target => target !== null);
  }
}
