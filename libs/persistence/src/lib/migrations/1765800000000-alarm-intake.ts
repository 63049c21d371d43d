import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alarms from the operators' network management systems (TM Forum TMF642), and what NetDuty makes of
 * them: one incident per site fault, and a parent incident over many sites that share an upstream.
 *
 * - nms_sources / nms_api_keys: each NMS (its TMF sourceSystemId) belongs to one operator and signs in
 *   with keys of its own, kept only as SHA-256, revocable.
 * - alarms: one row per (source_system_id, external_alarm_id) — raised twice is one alarm. A change
 *   older than the stored one (alarm_changed_time) never overwrites it, so retries keep the order.
 * - alarm_events: every accepted raise, update or clear, appended in the request's own transaction (the
 *   intake answers only once it is committed). The worker applies the pending ones to incidents and
 *   marks them processed in the same transaction, so a killed worker loses nothing and does nothing twice.
 * - alarm_rules: data an administrator edits: probable cause, specific problem and alarm type to an
 *   incident category (and an optional severity); whether a clear resolves the incident.
 * - sites gain their upstream dependencies (power feeder, transmission route, aggregation node) and a
 *   battery profile; incidents gain their origin, a parent, a flapping flag and, on a parent, what it
 *   correlates. At most one open parent per (operator, kind, key): a restarted worker never doubles one.
 * - A parent is a summary of its children, not a fault of the site it is filed under: the site state
 *   rule ignores it.
 * - maintenance_windows: planned outages per site or per area, during which escalation is held back.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class AlarmIntake1765800000000 implements MigrationInterface {
  name = 'AlarmIntake1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sites
        ADD COLUMN power_feeder text,
        ADD COLUMN transmission_route text,
        ADD COLUMN aggregation_node text,
        ADD COLUMN battery_capacity_ah real CONSTRAINT sites_battery_capacity_ah_check CHECK (battery_capacity_ah >= 0),
        ADD COLUMN load_watts real CONSTRAINT sites_load_watts_check CHECK (load_watts > 0)`);
    await db.query(`CREATE INDEX sites_power_feeder ON sites (power_feeder) WHERE power_feeder IS NOT NULL`);
    await db.query(`CREATE INDEX sites_transmission_route ON sites (transmission_route) WHERE transmission_route IS NOT NULL`);
    await db.query(`CREATE INDEX sites_aggregation_node ON sites (aggregation_node) WHERE aggregation_node IS NOT NULL`);

    await db.query(`
      CREATE TABLE nms_sources (
        id text PRIMARY KEY CONSTRAINT nms_sources_id_check CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$'),
        operator_code text NOT NULL REFERENCES operators (code),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE nms_api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_system_id text NOT NULL REFERENCES nms_sources (id),
        key_hash text NOT NULL CONSTRAINT nms_api_keys_key_hash_key UNIQUE,
        key_hint text NOT NULL,
        label text NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await db.query(`CREATE INDEX nms_api_keys_source ON nms_api_keys (source_system_id)`);

    await db.query(`
      CREATE TABLE alarm_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        position integer NOT NULL CONSTRAINT alarm_rules_position_key UNIQUE,
        probable_cause text,
        specific_problem_pattern text,
        alarm_type text,
        category text NOT NULL CONSTRAINT alarm_rules_category_check CHECK (category IN (
          'mains_failure', 'low_battery', 'generator', 'fibre_cut', 'microwave_transmission', 'equipment', 'overheating',
          'flooding_tower_damage', 'vandalism_theft', 'congestion', 'cyber_security', 'postal_disruption', 'other')),
        severity text CONSTRAINT alarm_rules_severity_check CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
        resolve_on_clear boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The default rules (X.733 probable causes and the power-cabinet alarms of a BTS), first match wins:
    // libs/domain's DEFAULT_ALARM_RULES as of this migration (test/integration/alarm-processing.spec.ts compares them).
    await db.query(`
      INSERT INTO alarm_rules (position, probable_cause, specific_problem_pattern, alarm_type, category, severity, resolve_on_clear) VALUES
        (10, NULL, 'door open', NULL, 'vandalism_theft', 'minor', false),
        (20, 'enclosureDoorOpen', NULL, NULL, 'vandalism_theft', 'minor', false),
        (30, NULL, 'intrusion', NULL, 'vandalism_theft', 'minor', false),
        (40, 'intrusionDetection', NULL, NULL, 'vandalism_theft', 'minor', false),
        (50, 'cableTamper', NULL, NULL, 'vandalism_theft', NULL, false),
        (60, NULL, NULL, 'securityServiceOrMechanismViolation', 'cyber_security', NULL, false),
        (70, NULL, NULL, 'integrityViolation', 'cyber_security', NULL, false),
        (80, 'denialOfService', NULL, NULL, 'cyber_security', NULL, false),
        (90, NULL, 'on batter', NULL, 'mains_failure', NULL, true),
        (100, 'commercialPowerFailure', NULL, NULL, 'mains_failure', NULL, true),
        (110, 'mainsBreakdownWithBatteryBackUp', NULL, NULL, 'mains_failure', NULL, true),
        (120, 'mainsBreakdownWithoutBatteryBackUp', NULL, NULL, 'mains_failure', NULL, true),
        (130, NULL, 'mains', NULL, 'mains_failure', NULL, true),
        (140, NULL, 'ac fail', NULL, 'mains_failure', NULL, true),
        (150, NULL, 'loss of power', NULL, 'mains_failure', NULL, true),
        (160, NULL, 'mat dien', NULL, 'mains_failure', NULL, true),
        (170, NULL, 'high temperature', NULL, 'overheating', NULL, true),
        (180, NULL, 'over temperature', NULL, 'overheating', NULL, true),
        (190, NULL, 'overheat', NULL, 'overheating', NULL, true),
        (200, NULL, 'air condition', NULL, 'overheating', NULL, true),
        (210, 'temperatureUnacceptable', NULL, NULL, 'overheating', NULL, true),
        (220, 'heatingOrVentilationOrCoolingSystemProblem', NULL, NULL, 'overheating', NULL, true),
        (230, NULL, 'rectifier', NULL, 'equipment', NULL, true),
        (240, 'rectifierFailure', NULL, NULL, 'equipment', NULL, true),
        (250, NULL, 'surge arrester', NULL, 'equipment', NULL, true),
        (260, NULL, 'dc low voltage', NULL, 'low_battery', NULL, true),
        (270, NULL, 'battery', NULL, 'low_battery', NULL, true),
        (280, NULL, 'ac quy', NULL, 'low_battery', NULL, true),
        (290, 'lowBatteryThreshold', NULL, NULL, 'low_battery', NULL, true),
        (300, 'batteryDischarging', NULL, NULL, 'low_battery', NULL, true),
        (310, 'batteryFailure', NULL, NULL, 'low_battery', NULL, true),
        (320, NULL, 'generator', NULL, 'generator', NULL, true),
        (330, NULL, 'genset', NULL, 'generator', NULL, true),
        (340, NULL, 'may phat', NULL, 'generator', NULL, true),
        (350, NULL, 'may no', NULL, 'generator', NULL, true),
        (360, 'generatorFailure', NULL, NULL, 'generator', NULL, true),
        (370, 'floodDetected', NULL, NULL, 'flooding_tower_damage', NULL, true),
        (380, NULL, 'flood', NULL, 'flooding_tower_damage', NULL, true),
        (390, 'powerProblem', NULL, NULL, 'mains_failure', NULL, true),
        (400, 'powerSupplyFailure', NULL, NULL, 'mains_failure', NULL, true),
        (410, NULL, 'microwave', NULL, 'microwave_transmission', NULL, true),
        (420, NULL, 'radio link', NULL, 'microwave_transmission', NULL, true),
        (430, NULL, 'viba', NULL, 'microwave_transmission', NULL, true),
        (440, 'transmissionError', NULL, NULL, 'microwave_transmission', NULL, true),
        (450, 'lossOfSignal', NULL, NULL, 'fibre_cut', NULL, true),
        (460, 'lossOfFrame', NULL, NULL, 'fibre_cut', NULL, true),
        (470, NULL, 'LOS', NULL, 'fibre_cut', NULL, true),
        (480, NULL, 'fibre', NULL, 'fibre_cut', NULL, true),
        (490, NULL, 'fiber', NULL, 'fibre_cut', NULL, true),
        (500, NULL, 'cap quang', NULL, 'fibre_cut', NULL, true),
        (510, 'congestion', NULL, NULL, 'congestion', NULL, true),
        (520, NULL, 'congestion', NULL, 'congestion', NULL, true),
        (530, NULL, 'nghen', NULL, 'congestion', NULL, true),
        (540, 'equipmentMalfunction', NULL, NULL, 'equipment', NULL, true),
        (550, NULL, NULL, NULL, 'equipment', NULL, true)`);

    await db.query(`
      ALTER TABLE incidents
        ADD COLUMN origin text NOT NULL DEFAULT 'manual' CONSTRAINT incidents_origin_check CHECK (origin IN ('manual', 'alarm', 'correlation')),
        ADD COLUMN parent_incident_id uuid CONSTRAINT incidents_parent_incident_id_fkey REFERENCES incidents (id),
        ADD COLUMN correlation_kind text CONSTRAINT incidents_correlation_kind_check CHECK (correlation_kind IN ('power_feeder', 'transmission_route', 'aggregation_node')),
        ADD COLUMN correlation_key text,
        ADD COLUMN flapping boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT incidents_correlation_complete CHECK ((correlation_kind IS NULL) = (correlation_key IS NULL)),
        ADD CONSTRAINT incidents_parent_not_nested CHECK (parent_incident_id IS NULL OR correlation_kind IS NULL)`);
    await db.query(`CREATE INDEX incidents_parent ON incidents (parent_incident_id) WHERE parent_incident_id IS NOT NULL`);
    await db.query(`
      CREATE UNIQUE INDEX incidents_one_open_parent ON incidents (operator_code, correlation_kind, correlation_key)
        WHERE correlation_kind IS NOT NULL AND status NOT IN ('resolved', 'closed')`);

    await db.query(`
      CREATE TABLE alarms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_system_id text NOT NULL REFERENCES nms_sources (id),
        external_alarm_id text NOT NULL,
        operator_code text NOT NULL REFERENCES operators (code),
        site_id uuid NOT NULL REFERENCES sites (id),
        state text NOT NULL CONSTRAINT alarms_state_check CHECK (state IN ('raised', 'updated', 'cleared')),
        alarm_type text NOT NULL,
        perceived_severity text NOT NULL CONSTRAINT alarms_perceived_severity_check CHECK (perceived_severity IN ('critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared')),
        probable_cause text NOT NULL,
        specific_problem text,
        alarm_raised_time timestamptz NOT NULL,
        alarm_changed_time timestamptz NOT NULL,
        alarm_cleared_time timestamptz,
        ack_state text NOT NULL DEFAULT 'unacknowledged' CONSTRAINT alarms_ack_state_check CHECK (ack_state IN ('acknowledged', 'unacknowledged')),
        ack_user_id text,
        ack_system_id text,
        planned_outage_indicator boolean NOT NULL DEFAULT false,
        -- A clear that arrived for an alarm never raised: stored and reported, not refused.
        cleared_without_raise boolean NOT NULL DEFAULT false,
        incident_id uuid REFERENCES incidents (id),
        comments jsonb NOT NULL DEFAULT '[]',
        -- The other TMF642 fields as the source sent them (alarmDetails, serviceAffecting, …), echoed back.
        details jsonb NOT NULL DEFAULT '{}',
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alarms_source_external_key UNIQUE (source_system_id, external_alarm_id)
      )`);
    await db.query(`CREATE INDEX alarms_site ON alarms (site_id, alarm_raised_time)`);
    await db.query(`CREATE INDEX alarms_incident ON alarms (incident_id) WHERE incident_id IS NOT NULL`);
    await db.query(`CREATE INDEX alarms_raised_time ON alarms (alarm_raised_time DESC)`);

    await db.query(`
      CREATE TABLE alarm_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alarm_id uuid NOT NULL REFERENCES alarms (id),
        state text NOT NULL CONSTRAINT alarm_events_state_check CHECK (state IN ('raised', 'updated', 'cleared')),
        perceived_severity text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await db.query(`CREATE INDEX alarm_events_pending ON alarm_events (id) WHERE processed_at IS NULL`);
    await db.query(`CREATE INDEX alarm_events_alarm ON alarm_events (alarm_id)`);

    await db.query(`
      CREATE TABLE maintenance_windows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid REFERENCES sites (id),
        commune_code text REFERENCES communes (code),
        operator_code text REFERENCES operators (code),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT maintenance_windows_order CHECK (ends_at > starts_at),
        CONSTRAINT maintenance_windows_target CHECK (site_id IS NOT NULL OR commune_code IS NOT NULL OR operator_code IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX maintenance_windows_ends_at ON maintenance_windows (ends_at)`);

    await db.query(`
      CREATE TABLE tmf_hub_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_system_id text NOT NULL REFERENCES nms_sources (id),
        api text NOT NULL CONSTRAINT tmf_hub_subscriptions_api_check CHECK (api IN ('alarm', 'troubleTicket')),
        callback text NOT NULL,
        query text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`ALTER TABLE incident_events DROP CONSTRAINT incident_events_type_check`);
    await db.query(`
      ALTER TABLE incident_events ADD CONSTRAINT incident_events_type_check CHECK (type IN (
        'reported', 'acknowledged', 'assigned', 'commented', 'escalated', 'resolved', 'closed', 'reopened',
        'assignment_accepted', 'responder_en_route', 'responder_on_site',
        'alarm_raised', 'alarm_cleared', 'correlated', 'flapping'
      ))`);

    // A parent summarises its children; it is not a fault of the site it is filed under.
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
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION netduty_site_state(site uuid, OUT state text, OUT down_kind text) LANGUAGE sql STABLE AS $$
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
    await db.query(`ALTER TABLE incident_events DISABLE TRIGGER incident_events_append_only`);
    await db.query(`DELETE FROM incident_events WHERE type IN ('alarm_raised', 'alarm_cleared', 'correlated', 'flapping')`);
    await db.query(`ALTER TABLE incident_events ENABLE TRIGGER incident_events_append_only`);
    await db.query(`ALTER TABLE incident_events DROP CONSTRAINT incident_events_type_check`);
    await db.query(`
      ALTER TABLE incident_events ADD CONSTRAINT incident_events_type_check CHECK (type IN (
        'reported', 'acknowledged', 'assigned', 'commented', 'escalated', 'resolved', 'closed', 'reopened',
        'assignment_accepted', 'responder_en_route', 'responder_on_site'
      ))`);
    await db.query(`DROP TABLE tmf_hub_subscriptions`);
    await db.query(`DROP TABLE maintenance_windows`);
    await db.query(`DROP TABLE alarm_events`);
    await db.query(`DROP TABLE alarms`);
    await db.query(`
      ALTER TABLE incidents
        DROP CONSTRAINT incidents_parent_not_nested, DROP CONSTRAINT incidents_correlation_complete,
        DROP COLUMN flapping, DROP COLUMN correlation_key, DROP COLUMN correlation_kind, DROP COLUMN parent_incident_id, DROP COLUMN origin`);
    await db.query(`DROP TABLE alarm_rules`);
    await db.query(`DROP TABLE nms_api_keys`);
    await db.query(`DROP TABLE nms_sources`);
    await db.query(`
      ALTER TABLE sites DROP COLUMN load_watts, DROP COLUMN battery_capacity_ah, DROP COLUMN aggregation_node,
        DROP COLUMN transmission_route, DROP COLUMN power_feeder`);
  }
}
