import type { EntityManager } from 'typeorm';
import type { IncidentEntity } from '@netduty/persistence';

/** A held step looks again this much later: a parent can resolve, a flapping site settle. */
export const HOLD_RECHECK_MS = 60_000;

/**
 * Whether a deadline step must wait, and until when (null: fire it). Held back:
 * - a child of a mass-outage parent: the parent escalates once for all of its sites;
 * - a flapping incident: its notifications wait until it settles (a person clears the flag by acting);
 * - a site in a planned outage — a maintenance window over the site, its commune or its operator, or
 *   an alarm of the incident that the NMS marked plannedOutageIndicator — until the window ends.
 * Nothing is dropped: the job runs again, and the reconciliation sweep re-enqueues any that go missing.
 */
export async function escalationHeldUntil(em: EntityManager, incident: IncidentEntity, now: Date): Promise<Date | null> {
  const recheck = new Date(now.getTime() + HOLD_RECHECK_MS);
  if (incident.parentIncidentId || incident.flapping) return recheck;
  const [window] = (await em.query(
    `SELECT max(ends_at) AS ends_at FROM maintenance_windows
      WHERE starts_at <= $1 AND ends_at > $1
        AND (site_id IS NULL OR site_id = $2) AND (commune_code IS NULL OR commune_code = $3) AND (operator_code IS NULL OR operator_code = $4)`,
    [now, incident.siteId, incident.communeCode, incident.operatorCode],
  )) as { ends_at: Date | null }[];
  if (window?.ends_at) return new Date(window.ends_at);
  const [planned] = (await em.query(
    `SELECT 1 FROM alarms WHERE incident_id = $1 AND planned_outage_indicator AND state <> 'cleared' LIMIT 1`,
    [incident.id],
  )) as unknown[];
  return planned ? recheck : null;
}
