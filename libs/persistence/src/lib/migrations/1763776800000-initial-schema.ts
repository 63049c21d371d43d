import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763776800000 implements MigrationInterface {
  name = 'InitialSchema1763776800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE operators (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('telecom', 'postal'))
      )`);
    await db.query(`
      CREATE TABLE provinces (
        code text PRIMARY KEY,
        name text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE communes (
        code text PRIMARY KEY,
        province_code text NOT NULL REFERENCES provinces (code),
        name text NOT NULL,
        division_type text NOT NULL,
        former_district text,
        search_text text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('bts', 'broadband_node', 'transmission_node', 'postal_point')),
        operator_code text NOT NULL REFERENCES operators (code),
        commune_code text NOT NULL REFERENCES communes (code),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        priority text NOT NULL CHECK (priority IN ('P0', 'P1', 'P2')),
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX sites_search_text_trgm ON sites USING gin (search_text gin_trgm_ops)`);
    await db.query(`CREATE INDEX sites_operator_code ON sites (operator_code)`);
    await db.query(`CREATE INDEX sites_commune_code ON sites (commune_code)`);

    await db.query(`
      CREATE TABLE clusters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operator_code text NOT NULL REFERENCES operators (code),
        name text NOT NULL,
        UNIQUE (operator_code, name)
      )`);
    await db.query(`
      CREATE TABLE cluster_communes (
        cluster_id uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
        commune_code text NOT NULL REFERENCES communes (code),
        PRIMARY KEY (cluster_id, commune_code)
      )`);
    await db.query(`CREATE INDEX cluster_communes_commune ON cluster_communes (commune_code)`);
    await db.query(`
      CREATE TABLE responders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL REFERENCES clusters (id),
        name text NOT NULL,
        phone text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await db.query(`CREATE INDEX responders_cluster ON responders (cluster_id)`);

    await db.query(`
      CREATE TABLE sla_policies (
        severity text NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
        priority text NOT NULL CHECK (priority IN ('P0', 'P1', 'P2')),
        acknowledge_seconds integer NOT NULL CHECK (acknowledge_seconds > 0),
        restore_seconds integer NOT NULL CHECK (restore_seconds >= acknowledge_seconds),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (severity, priority)
      )`);
    // The department's default windows as they were when this migration was written (seconds).
    await db.query(`
      INSERT INTO sla_policies (severity, priority, acknowledge_seconds, restore_seconds) VALUES
        ('critical', 'P0', 300, 7200),
        ('critical', 'P1', 600, 14400),
        ('critical', 'P2', 900, 28800),
        ('major', 'P0', 600, 14400),
        ('major', 'P1', 900, 28800),
        ('major', 'P2', 1800, 43200),
        ('minor', 'P0', 900, 28800),
        ('minor', 'P1', 1800, 86400),
        ('minor', 'P2', 3600, 172800),
        ('warning', 'P0', 1800, 86400),
        ('warning', 'P1', 3600, 172800),
        ('warning', 'P2', 7200, 259200)`);

    await db.query(`CREATE SEQUENCE incident_reference_seq`);
    await db.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE DEFAULT ('SC-' || lpad(nextval('incident_reference_seq')::text, 6, '0')),
        site_id uuid NOT NULL REFERENCES sites (id),
        operator_code text NOT NULL REFERENCES operators (code),
        commune_code text NOT NULL REFERENCES communes (code),
        category text NOT NULL CHECK (category IN ('mains_failure', 'low_battery', 'generator', 'fibre_cut', 'microwave_transmission', 'equipment', 'overheating', 'flooding_tower_damage', 'vandalism_theft', 'congestion', 'cyber_security', 'postal_disruption', 'other')),
        severity text NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
        priority text NOT NULL CHECK (priority IN ('P0', 'P1', 'P2')),
        status text NOT NULL CHECK (status IN ('reported', 'acknowledged', 'in_progress', 'resolved', 'closed', 'reopened')),
        description text NOT NULL,
        reporter_name text NOT NULL,
        reported_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        ack_starts_at timestamptz NOT NULL,
        ack_due_at timestamptz NOT NULL,
        restore_starts_at timestamptz NOT NULL,
        restore_due_at timestamptz NOT NULL,
        sla_cycle integer NOT NULL DEFAULT 1,
        escalation_level integer NOT NULL DEFAULT 0,
        idempotency_key text UNIQUE,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX incidents_open_status ON incidents (status, severity) WHERE status <> 'closed'`);
    await db.query(`CREATE INDEX incidents_operator_code ON incidents (operator_code)`);
    await db.query(`CREATE INDEX incidents_site ON incidents (site_id)`);
    await db.query(`
      CREATE TABLE incident_responders (
        incident_id uuid NOT NULL REFERENCES incidents (id),
        responder_id uuid NOT NULL REFERENCES responders (id),
        PRIMARY KEY (incident_id, responder_id)
      )`);

    await db.query(`
      CREATE TABLE incident_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents (id),
        type text NOT NULL CHECK (type IN ('reported', 'acknowledged', 'assigned', 'commented', 'escalated', 'resolved', 'closed', 'reopened')),
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX incident_events_incident ON incident_events (incident_id, id)`);
    // The timeline is evidence: refuse UPDATE, DELETE and TRUNCATE for every database role.
    await db.query(`
      CREATE FUNCTION netduty_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER incident_events_append_only BEFORE UPDATE OR DELETE ON incident_events
      FOR EACH ROW EXECUTE FUNCTION netduty_refuse_rewrite()`);
    await db.query(`
      CREATE TRIGGER incident_events_no_truncate BEFORE TRUNCATE ON incident_events
      FOR EACH STATEMENT EXECUTE FUNCTION netduty_refuse_rewrite()`);

    await db.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents (id),
        kind text NOT NULL CHECK (kind IN ('acknowledge', 'restore')),
        cycle integer NOT NULL,
        level integer NOT NULL CHECK (level >= 1),
        deadline_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT escalations_once UNIQUE (incident_id, kind, cycle, level)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'escalations',
      'incident_events',
      'incident_responders',
      'incidents',
      'sla_policies',
      'responders',
      'cluster_communes',
      'clusters',
      'sites',
      'communes',
      'provinces',
      'operators',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP SEQUENCE IF EXISTS incident_reference_seq`);
    await db.query(`DROP FUNCTION IF EXISTS netduty_refuse_rewrite()`);
  }
}
