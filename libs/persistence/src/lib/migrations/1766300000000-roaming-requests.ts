import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inter-operator roaming (chuyển vùng nội địa, the 2025 typhoon directives).
 *
 * - roaming_requests: what the duty officer did with a proposal (proposals themselves are computed from
 *   site state when asked). Issued asks the host operator to carry the lost operator's subscribers in
 *   the commune within the deadline; in_effect is the host's confirmation; ended closes it; dismissed
 *   sets a proposal aside for the outage it was made for (lost_since). At most one live (issued or in
 *   effect) request per commune and lost operator.
 * - An issued request carries an incident (origin 'roaming') filed for the host operator at one of its
 *   BTS still on air: its restore deadline is the request's deadline, so the existing durable chain
 *   (BullMQ job, Postgres sweep after a flush or restart) escalates it like any other.
 * - That incident is a task, not a fault: netduty_site_state() leaves it out, as it leaves out parents.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class RoamingRequests1766300000000 implements MigrationInterface {
  name = 'RoamingRequests1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents DROP CONSTRAINT incidents_origin_check`);
    await db.query(`ALTER TABLE incidents ADD CONSTRAINT incidents_origin_check CHECK (origin IN ('manual', 'alarm', 'correlation', 'roaming'))`);

    await db.query(`
      CREATE TABLE roaming_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune_code text NOT NULL REFERENCES communes (code),
        lost_operator text NOT NULL REFERENCES operators (code),
        host_operator text REFERENCES operators (code),
        status text NOT NULL
          CONSTRAINT roaming_requests_status_check CHECK (status IN ('issued', 'in_effect', 'ended', 'dismissed')),
        lost_since timestamptz NOT NULL,
        sites_down integer NOT NULL,
        issued_at timestamptz,
        issued_by uuid REFERENCES users (id),
        deadline_at timestamptz,
        incident_id uuid REFERENCES incidents (id),
        in_effect_at timestamptz,
        ended_at timestamptz,
        ended_by uuid REFERENCES users (id),
        dismissed_at timestamptz,
        dismissed_by uuid REFERENCES users (id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT roaming_requests_host_not_lost CHECK (host_operator IS NULL OR host_operator <> lost_operator),
        CONSTRAINT roaming_requests_dismissed_complete CHECK ((status = 'dismissed') = (dismissed_at IS NOT NULL)),
        CONSTRAINT roaming_requests_issued_complete CHECK (
          status = 'dismissed'
          OR (host_operator IS NOT NULL AND issued_at IS NOT NULL AND issued_by IS NOT NULL AND deadline_at IS NOT NULL AND incident_id IS NOT NULL)
        ),
        CONSTRAINT roaming_requests_ended_complete CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await db.query(`
      CREATE UNIQUE INDEX roaming_requests_one_live ON roaming_requests (commune_code, lost_operator)
        WHERE status IN ('issued', 'in_effect')`);
    await db.query(`CREATE INDEX roaming_requests_created_at ON roaming_requests (created_at)`);
    await db.query(`CREATE INDEX roaming_requests_incident ON roaming_requests (incident_id) WHERE incident_id IS NOT NULL`);

    // A roaming request's incident is a task for the host operator, not a fault of the site it is filed at.
    await db.query(`
      CREATE OR REPLACE FUNCTION netduty_site_state(site uuid, OUT state text, OUT down_kind text) LANGUAGE sql STABLE AS $$
        WITH open AS (
          SELECT category, severity FROM incidents
           WHERE site_id = site AND status NOT IN ('resolved', 'closed') AND correlation_kind IS NULL AND origin <> 'roaming'
        )
        SELECT CASE
                 WHEN NOT EXISTS (SELECT 1 FROM open) THEN 'in_service'
                 WHEN EXISTS (SELECT 1 FROM open WHERE severity = 'critical' AND category NOT IN ('congestion', 'overheating', 'cyber_security'))
                   OR EXISTS (SELECT 1 FROM open WHERE category IN ('generator', 'mains_failure', 'low_battery')) THEN 'down'
                 ELSE 'degraded'
               END,
               CASE
                 WHEN EXISTS (SELECT 1 FROM open WHERE severity = 'critical' AND category NOT IN ('congestion', 'overheating', 'cyber_security')) THEN 'off_air'
                 WHEN EXISTS (SELECT 1 FROM open WHERE category = 'generator') THEN 'on_generator'
                 WHEN EXISTS (SELECT 1 FROM open WHERE category IN ('mains_failure', 'low_battery')) THEN 'on_battery'
               END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION netduty_site_state(site uuid, OUT state text, OUT down_kind text) LANGUAGE sql STABLE AS $$
        WITH open AS (
          SELECT category, severity FROM incidents
           WHERE site_id = site AND status NOT IN ('resolved', 'closed') AND correlation_kind IS NULL
        )
        SELECT CASE
                 WHEN NOT EXISTS (SELECT 1 FROM open) THEN 'in_service'
                 WHEN EXISTS (SELECT 1 FROM open WHERE severity = 'critical' AND category NOT IN ('congestion', 'overheating', 'cyber_security'))
                   OR EXISTS (SELECT 1 FROM open WHERE category IN ('generator', 'mains_failure', 'low_battery')) THEN 'down'
                 ELSE 'degraded'
               END,
               CASE
                 WHEN EXISTS (SELECT 1 FROM open WHERE severity = 'critical' AND category NOT IN ('congestion', 'overheating', 'cyber_security')) THEN 'off_air'
                 WHEN EXISTS (SELECT 1 FROM open WHERE category = 'generator') THEN 'on_generator'
                 WHEN EXISTS (SELECT 1 FROM open WHERE category IN ('mains_failure', 'low_battery')) THEN 'on_battery'
               END
      $$`);
    await db.query(`DROP TABLE roaming_requests`);
    // The incidents stay (their timelines are append-only): they read as the duty officer's own reports.
    await db.query(`UPDATE incidents SET origin = 'manual' WHERE origin = 'roaming'`);
    await db.query(`ALTER TABLE incidents DROP CONSTRAINT incidents_origin_check`);
    await db.query(`ALTER TABLE incidents ADD CONSTRAINT incidents_origin_check CHECK (origin IN ('manual', 'alarm', 'correlation'))`);
  }
}
