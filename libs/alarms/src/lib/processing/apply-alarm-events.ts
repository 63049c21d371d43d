import type { IncidentCategory } from '@netduty/contracts';
import { incidentSeverityFor, isFlapping, matchAlarmRule, openIncident, reraiseReopens, type AlarmRule, type FlapPolicy } from '@netduty/domain';
import { managerOf, type IncidentRepositories } from '@netduty/incidents';
import { noChanges, noteUpdated, resolveBySystem, transitionBySystem, type AppliedChanges } from './applied-changes';
import { AlarmLinks, TimelineBuffer } from './batch-writes';
import { loadSiteFaults, markProcessed, type PendingAlarmEvent, type SiteFault } from './pending-alarms';

export interface AlarmApplyPolicy {
  reopenWindowSeconds: number;
  flap: FlapPolicy;
}

function faultKey(siteId: string, category: IncidentCategory): string {
  return `${siteId}|${category}`;
}

/** The words of the incident an alarm opens: what the NMS said, and who said it. */
function describe(event: PendingAlarmEvent): string {
  const { specificProblem, probableCause, sourceSystemId, externalAlarmId } = event.alarm;
  return `${specificProblem ?? probableCause} — ${event.site.code} (${sourceSystemId} #${externalAlarmId})`.slice(0, 2000);
}

/**
 * Applies a batch of accepted alarm events to incidents, in the caller's transaction, event by event in
 * the order they were accepted:
 * - a raise or update attaches the alarm to its site's open incident of the rule's category (one
 *   incident per site fault), reopens one resolved within the reopen window (flagging it flapping after
 *   enough cycles), or opens a new one;
 * - a clear notes itself on the incident's timeline and, when it was the incident's last active alarm
 *   and the rule resolves on clear, resolves the incident (acknowledging it first if nobody had: the
 *   source's clear is the acknowledgement).
 * The events are marked processed in the same transaction. Timeline lines and alarm-to-incident links are
 * written in bulk (TimelineBuffer, AlarmLinks), flushed before the batch reads either.
 */
export async function applyAlarmEvents(
  unbuffered: IncidentRepositories,
  events: readonly PendingAlarmEvent[],
  rules: readonly AlarmRule[],
  policy: AlarmApplyPolicy,
  now: Date,
): Promise<AppliedChanges> {
  const timeline = new TimelineBuffer(unbuffered.timeline);
  const repositories: IncidentRepositories = { ...unbuffered, timeline };
  const em = managerOf(repositories.transaction);
  const links = new AlarmLinks(em);
  const changes = noChanges();
  const siteIds = [...new Set(events.map((event) => event.site.id))];
  const faults = new Map<string, SiteFault>();
  for (const fault of await loadSiteFaults(em, siteIds, policy.reopenWindowSeconds)) faults.set(faultKey(fault.siteId, fault.category), fault);
  const faultsById = new Map([...faults.values()].map((fault) => [fault.id, fault]));
  // Where each alarm stands as this batch moves it (its row holds only the newest state).
  const attachedTo = new Map<string, string | null>();

  for (const event of events) {
    const actor = event.alarm.sourceSystemId;
    const rule = matchAlarmRule(rules, {
      alarmType: event.alarm.alarmType,
      probableCause: event.alarm.probableCause,
      specificProblem: event.alarm.specificProblem,
      perceivedSeverity: event.perceivedSeverity,
    });
    const current = attachedTo.has(event.alarm.id) ? (attachedTo.get(event.alarm.id) ?? null) : event.alarm.incidentId;
    const clearing = event.state === 'cleared' || event.perceivedSeverity === 'cleared';

    if (clearing) {
      const fault = current ? faultsById.get(current) : undefined;
      if (!current || !fault || fault.status === 'resolved' || fault.status === 'closed') continue;
      await links.flush();
      const stillActive: { count: string }[] = await em.query(
        `SELECT count(*)::text AS count FROM alarms WHERE incident_id = $1 AND id <> $2 AND state <> 'cleared' AND perceived_severity <> 'cleared'`,
        [current, event.alarm.id],
      );
      const resolves = Number(stillActive[0]?.count ?? '0') === 0 && (rule?.resolveOnClear ?? true);
      await repositories.timeline.append(current, actor, {
        type: 'alarm_cleared',
        data: { alarmId: event.alarm.id, sourceSystemId: event.alarm.sourceSystemId, externalAlarmId: event.alarm.externalAlarmId, resolves },
      });
      noteUpdated(changes, current);
      if (resolves) {
        const incident = await repositories.incidents.lockForUpdate(current, { kind: 'all' });
        if (!incident) continue;
        const resolved = await resolveBySystem(repositories, changes, incident, actor, `${event.alarm.specificProblem ?? event.alarm.probableCause}: cleared at source`, now);
        fault.status = resolved.status;
        fault.resolvedAt = resolved.resolvedAt;
      }
      continue;
    }

    if (!rule) continue;
    const severity = incidentSeverityFor(event.perceivedSeverity, event.site.priority, rule.severity);
    if (!severity) continue;
    const key = faultKey(event.site.id, rule.category);
    const fault = faults.get(key);
    let target: string;

    if (fault && fault.status !== 'resolved' && fault.status !== 'closed') {
      target = fault.id;
    } else if (fault && fault.status === 'resolved' && reraiseReopens(fault.resolvedAt, event.occurredAt, policy.reopenWindowSeconds)) {
      const incident = await repositories.incidents.lockForUpdate(fault.id, { kind: 'all' });
      if (!incident) continue;
      const reopened = await transitionBySystem(repositories, changes, incident, 'reopen', actor, `${event.alarm.specificProblem ?? event.alarm.probableCause}: raised again at source`, now);
      fault.status = reopened.status;
      target = fault.id;
      await timeline.flush();
      await flagIfFlapping(repositories, fault, actor, policy.flap, now);
    } else {
      const { priority, window } = await repositories.slaPolicies.termsFor(severity, event.site, now);
      const opened = openIncident({ now, window, category: rule.category, severity });
      target = await repositories.incidents.insert({
        site: { ...event.site, priority },
        category: rule.category,
        severity,
        description: describe(event),
        reporterName: event.alarm.sourceSystemId,
        reportedBy: null,
        reporterPhone: null,
        reportedAt: now,
        acknowledge: opened.acknowledge,
        restore: opened.restore,
        idempotency: null,
        origin: 'alarm',
      });
      for (const line of opened.events) await repositories.timeline.append(target, actor, line);
      await repositories.audit.record({ action: 'incident.report', entityType: 'incident', entityId: target, after: { id: target, origin: 'alarm', alarmId: event.alarm.id } });
      changes.created.set(target, opened.deadlines);
      const created: SiteFault = { id: target, siteId: event.site.id, category: rule.category, status: 'reported', resolvedAt: null, flapping: false };
      faults.set(key, created);
      faultsById.set(target, created);
    }

    if (current !== target) {
      links.link(event.alarm.id, target);
      attachedTo.set(event.alarm.id, target);
    }
    if (event.state === 'raised' || current !== target) {
      await repositories.timeline.append(target, actor, {
        type: 'alarm_raised',
        data: {
          alarmId: event.alarm.id,
          sourceSystemId: event.alarm.sourceSystemId,
          externalAlarmId: event.alarm.externalAlarmId,
          probableCause: event.alarm.probableCause,
          specificProblem: event.alarm.specificProblem,
          perceivedSeverity: event.perceivedSeverity,
        },
      });
      noteUpdated(changes, target);
    }
  }

  await links.flush();
  await timeline.flush();
  await markProcessed(em, events.map((event) => event.eventId));
  return changes;
}

/** After a reopen: enough raise/clear cycles within the window flag the incident flapping (once). */
async function flagIfFlapping(repositories: IncidentRepositories, fault: SiteFault, actor: string, policy: FlapPolicy, now: Date): Promise<void> {
  if (fault.flapping) return;
  const em = managerOf(repositories.transaction);
  const clears: { at: Date }[] = await em.query(
    `SELECT at FROM incident_events WHERE incident_id = $1 AND type = 'alarm_cleared' AND at > $2`,
    [fault.id, new Date(now.getTime() - policy.windowSeconds * 1000)],
  );
  // The lines are stamped with the transaction's start, a moment after `now` was read: a clear already
  // on the timeline has happened, so the window ends at the latest of them (or now).
  const clearTimes = clears.map((row) => new Date(row.at));
  const end = new Date(Math.max(now.getTime(), ...clearTimes.map((at) => at.getTime())));
  if (!isFlapping(clearTimes, end, policy)) return;
  await em.query(`UPDATE incidents SET flapping = true, version = version + 1, updated_at = now() WHERE id = $1`, [fault.id]);
  await repositories.timeline.append(fault.id, actor, { type: 'flapping', data: { cycles: policy.cycles, windowSeconds: policy.windowSeconds } });
  fault.flapping = true;
}
