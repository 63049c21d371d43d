import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Site state (trạng thái trạm): in service, degraded or down — and when down, on battery, on generator
 * or off air — derived from the site's open incidents, with every change kept, so any past moment can
 * be reconstructed ("how many Viettel BTS were down at 14:00 yesterday").
 *
 * The rule lives in one place, netduty_site_state(), and a trigger on incidents applies it in the
 * transaction of every write that can change it (a report, a transition, a change of category or
 * severity), whichever path wrote the incident: the use cases, the seed, later the alarm intake. The
 * trigger locks the site's row first (FOR NO KEY UPDATE), so two incidents of one site written at once
 * take turns and the second sees the first.
 *
 * The rule (policy, documented in the README): an open incident is one not resolved or closed.
 *   off air      — an open critical incident of any category but congestion, overheating, cyber security;
 *   on generator — else an open generator incident (the site runs on its generator: "generator on");
 *   on battery   — else an open mains failure or low battery;
 *   degraded     — else any open incident;
 *   in service   — none.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class SiteState1765400000000 implements MigrationInterface {
  name = 'SiteState1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sites
        ADD COLUMN state text NOT NULL DEFAULT 'in_service'
          CONSTRAINT sites_state_check CHECK (state IN ('in_service', 'degraded', 'down')),
        ADD COLUMN down_kind text
          CONSTRAINT sites_down_kind_check CHECK (down_kind IN ('on_battery', 'on_generator', 'off_air')),
        ADD COLUMN state_since timestamptz,
        ADD CONSTRAINT sites_down_kind_when_down CHECK ((state = 'down') = (down_kind IS NOT NULL))`);
    await db.query(`
      CREATE TABLE site_state_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        site_id uuid NOT NULL REFERENCES sites (id),
        state text NOT NULL CONSTRAINT site_state_changes_state_check CHECK (state IN ('in_service', 'degraded', 'down')),
        down_kind text CONSTRAINT site_state_changes_down_kind_check CHECK (down_kind IN ('on_battery', 'on_generator', 'off_air')),
        changed_at timestamptz NOT NULL DEFAULT now(),
        -- The incident whose write caused the change: a reference kept as evidence, not a foreign key, so
        -- the history (which refuses rewrites) never stands in the way of removing an incident.
        incident_id uuid
      )`);
    await db.query(`CREATE INDEX site_state_changes_site_at ON site_state_changes (site_id, changed_at)`);
    await db.query(`CREATE INDEX site_state_changes_at ON site_state_changes (changed_at)`);
    // The history is evidence, like the timeline: refuse UPDATE and DELETE for every role.
    await db.query(`CREATE TRIGGER site_state_changes_append_only BEFORE UPDATE OR DELETE ON site_state_changes FOR EACH ROW EXECUTE FUNCTION netduty_refuse_rewrite()`);

    await db.query(`
      CREATE FUNCTION netduty_site_state(site uuid, OUT state text, OUT down_kind text) LANGUAGE sql STABLE AS $$
        WITH open AS (
          SELECT category, severity FROM incidents WHERE site_id = site AND status NOT IN ('resolved', 'closed')
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
    await db.query(`
      CREATE FUNCTION netduty_refresh_site_state(site uuid, cause uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        current_state text;
        current_kind text;
        next record;
      BEGIN
        -- The site's row lock first: a concurrent writer of the same site waits, then sees this one's
        -- incident. NO KEY UPDATE, the lock the UPDATE below takes anyway: it does not conflict with the
        -- KEY SHARE lock each incident's foreign key holds on the site, so two reports cannot deadlock.
        SELECT s.state, s.down_kind INTO current_state, current_kind FROM sites s WHERE s.id = site FOR NO KEY UPDATE;
        SELECT * INTO next FROM netduty_site_state(site);
        IF next.state IS DISTINCT FROM current_state OR next.down_kind IS DISTINCT FROM current_kind THEN
          UPDATE sites SET state = next.state, down_kind = next.down_kind, state_since = now() WHERE id = site;
          INSERT INTO site_state_changes (site_id, state, down_kind, incident_id) VALUES (site, next.state, next.down_kind, cause);
        END IF;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION netduty_incident_site_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM netduty_refresh_site_state(OLD.site_id, NULL);
          RETURN NULL;
        END IF;
        PERFORM netduty_refresh_site_state(NEW.site_id, NEW.id);
        IF TG_OP = 'UPDATE' AND OLD.site_id IS DISTINCT FROM NEW.site_id THEN
          PERFORM netduty_refresh_site_state(OLD.site_id, NEW.id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER incidents_site_state AFTER INSERT OR DELETE OR UPDATE OF status, category, severity, site_id ON incidents
        FOR EACH ROW EXECUTE FUNCTION netduty_incident_site_state()`);

    // Sites with open incidents today start in their derived state, as of now.
    await db.query(`
      WITH derived AS (
        SELECT s.id, d.state, d.down_kind FROM sites s CROSS JOIN LATERAL netduty_site_state(s.id) d WHERE d.state <> 'in_service'
      ), changed AS (
        UPDATE sites SET state = derived.state, down_kind = derived.down_kind, state_since = now() FROM derived WHERE sites.id = derived.id RETURNING sites.id, sites.state, sites.down_kind
      )
      INSERT INTO site_state_changes (site_id, state, down_kind) SELECT id, state, down_kind FROM changed`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER incidents_site_state ON incidents`);
    await db.query(`DROP FUNCTION netduty_incident_site_state()`);
    await db.query(`DROP FUNCTION netduty_refresh_site_state(uuid, uuid)`);
    await db.query(`DROP FUNCTION netduty_site_state(uuid)`);
    await db.query(`DROP TABLE site_state_changes`);
    await db.query(`ALTER TABLE sites DROP CONSTRAINT sites_down_kind_when_down, DROP COLUMN state_since, DROP COLUMN down_kind, DROP COLUMN state`);
  }
}
