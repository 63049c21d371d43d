import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On-duty operations: on-duty groups and their rosters (ca trực), shift handovers (bàn giao ca),
 * escalation policies (ordered levels per operator and priority tier), event periods (the congress),
 * the fired chain steps' details on `escalations`, and the person behind each report.
 *
 * A roster is one row per group: its rotations (wall-clock templates in the group's zone), one-off
 * shifts, overrides and swaps as jsonb in the wire shape (instants as UTC ISO strings), validated by the
 * domain's rosterProblems before every write. The default escalation chains are inserted literally.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class OnDutyOperations1765000000000 implements MigrationInterface {
  name = 'OnDutyOperations1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE on_duty_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT on_duty_groups_name_key UNIQUE,
        kind text NOT NULL CONSTRAINT on_duty_groups_kind_check CHECK (kind IN ('department', 'cluster', 'leadership')),
        cluster_id uuid CONSTRAINT on_duty_groups_cluster_id_fkey REFERENCES clusters (id),
        time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        rotations jsonb NOT NULL DEFAULT '[]'::jsonb,
        one_off_shifts jsonb NOT NULL DEFAULT '[]'::jsonb,
        overrides jsonb NOT NULL DEFAULT '[]'::jsonb,
        swaps jsonb NOT NULL DEFAULT '[]'::jsonb,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT on_duty_groups_cluster_check CHECK ((kind = 'cluster') = (cluster_id IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE shift_handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL CONSTRAINT shift_handovers_group_id_fkey REFERENCES on_duty_groups (id),
        shift_starts_at timestamptz NOT NULL,
        shift_ends_at timestamptz NOT NULL,
        outgoing_lead_id uuid NOT NULL CONSTRAINT shift_handovers_outgoing_lead_id_fkey REFERENCES users (id),
        incoming_lead_id uuid CONSTRAINT shift_handovers_incoming_lead_id_fkey REFERENCES users (id),
        sheet jsonb NOT NULL,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid CONSTRAINT shift_handovers_acknowledged_by_fkey REFERENCES users (id),
        CONSTRAINT shift_handovers_once UNIQUE (group_id, shift_starts_at)
      )`);
    await db.query(`
      CREATE TABLE escalation_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        operator_code text CONSTRAINT escalation_policies_operator_code_fkey REFERENCES operators (code),
        priority text CONSTRAINT escalation_policies_priority_check CHECK (priority IN ('P0', 'P1', 'P2')),
        levels jsonb NOT NULL,
        repeat integer NOT NULL CONSTRAINT escalation_policies_repeat_check CHECK (repeat BETWEEN 0 AND 5),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX escalation_policies_scope_key ON escalation_policies ((COALESCE(operator_code, '*')), (COALESCE(priority, '*')))`);
    await db.query(`
      CREATE TABLE event_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        p0_site_ids uuid[] NOT NULL DEFAULT '{}',
        sla_factor double precision,
        sla_overrides jsonb NOT NULL DEFAULT '{}'::jsonb,
        p0_leadership_level integer,
        report_interval_minutes integer NOT NULL DEFAULT 120,
        switched_on_at timestamptz,
        switched_off_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_periods_check CHECK (ends_at > starts_at),
        CONSTRAINT event_periods_sla_factor_check CHECK (sla_factor > 0 AND sla_factor <= 1)
      )`);
    await db.query(`CREATE INDEX event_periods_ends_at ON event_periods (ends_at)`);

    // A fired step of a chain: which level of which round, under which policy, who it reached, and
    // whether a person escalated by hand (with the reason). Existing rows are level n of round 1.
    await db.query(`
      ALTER TABLE escalations
        ADD COLUMN round integer NOT NULL DEFAULT 1,
        ADD COLUMN chain_level integer,
        ADD COLUMN policy_id uuid CONSTRAINT escalations_policy_id_fkey REFERENCES escalation_policies (id) ON DELETE SET NULL,
        ADD COLUMN recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN manual boolean NOT NULL DEFAULT false,
        ADD COLUMN reason text`);
    await db.query(`UPDATE escalations SET chain_level = level`);
    await db.query(`ALTER TABLE escalations ALTER COLUMN chain_level SET NOT NULL`);

    // Cluster staff act under their own accounts: the report records the person (and their call-back phone).
    await db.query(`ALTER TABLE incidents ADD COLUMN reported_by uuid CONSTRAINT incidents_reported_by_fkey REFERENCES users (id), ADD COLUMN reporter_phone text`);
    // After a de-escalation the running chain continues from {kind, cycle, step, at} (libs/domain deEscalationStep).
    await db.query(`ALTER TABLE incidents ADD COLUMN chain_resume jsonb`);

    // The department's chains (libs/domain DEFAULT_ESCALATION_POLICIES at the time of writing), copied literally.
    await db.query(`
      INSERT INTO escalation_policies (name, operator_code, priority, levels, repeat) VALUES
      ('Mặc định / Default', NULL, NULL, '[
        {"waitSeconds": 0, "recipients": [{"kind": "assigned_responders"}, {"kind": "cluster_lead"}]},
        {"waitSeconds": 900, "recipients": [{"kind": "cluster_lead"}]},
        {"waitSeconds": 900, "recipients": [{"kind": "on_shift", "groupId": "00000000-0000-4000-8000-000000000001"}]},
        {"waitSeconds": 1800, "recipients": [{"kind": "role", "role": "leadership"}]}
      ]'::jsonb, 1),
      ('P0 (trạm trọng yếu) / P0 (key sites)', NULL, 'P0', '[
        {"waitSeconds": 0, "recipients": [{"kind": "assigned_responders"}, {"kind": "cluster_lead"}]},
        {"waitSeconds": 300, "recipients": [{"kind": "cluster_lead"}]},
        {"waitSeconds": 300, "recipients": [{"kind": "on_shift", "groupId": "00000000-0000-4000-8000-000000000001"}]},
        {"waitSeconds": 600, "recipients": [{"kind": "role", "role": "leadership"}]}
      ]'::jsonb, 2)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents DROP COLUMN chain_resume, DROP COLUMN reporter_phone, DROP COLUMN reported_by`);
    await db.query(`ALTER TABLE escalations DROP COLUMN reason, DROP COLUMN manual, DROP COLUMN recipients, DROP COLUMN policy_id, DROP COLUMN chain_level, DROP COLUMN round`);
    await db.query(`DROP TABLE event_periods`);
    await db.query(`DROP TABLE escalation_policies`);
    await db.query(`DROP TABLE shift_handovers`);
    await db.query(`DROP TABLE on_duty_groups`);
  }
}
