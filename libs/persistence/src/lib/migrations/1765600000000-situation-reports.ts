import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports to leadership: situation reports (báo cáo tình hình), flash reports (báo cáo nhanh) and the
 * cyber-incident forms (báo cáo ban đầu, báo cáo diễn biến tình hình), in one table told apart by kind.
 *
 * - Each report keeps its inputs: `snapshot` holds every figure and row it shows, so a past report is
 *   rendered from it alone, exactly as it was, whatever the live tables say since.
 * - Numbers run per calendar year (Asia/Ho_Chi_Minh) with no gaps: `situation_report_numbers` holds the
 *   last number of each year, taken in the transaction that inserts the report (its row lock makes
 *   concurrent reports take turns; a rolled-back report gives its number back).
 * - A scheduled slot is generated at most once: `slot_key` is unique, so a job that runs twice (a
 *   retry, two workers, a scheduler re-upserted after Redis lost its data) changes nothing.
 * - Remarks and the sign-off are stored with the report; a trigger refuses any change to what was
 *   generated (kind, number, period, snapshot) and any change at all once it is signed off, for every
 *   role including the application's.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class SituationReports1765600000000 implements MigrationInterface {
  name = 'SituationReports1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE situation_report_numbers (
        year integer PRIMARY KEY,
        last_number integer NOT NULL CONSTRAINT situation_report_numbers_last_number_check CHECK (last_number > 0)
      )`);
    await db.query(`
      CREATE TABLE situation_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT situation_reports_kind_check CHECK (kind IN ('situation', 'flash', 'cyber_initial', 'cyber_progress')),
        year integer NOT NULL,
        number integer NOT NULL CONSTRAINT situation_reports_number_check CHECK (number > 0),
        language text NOT NULL CONSTRAINT situation_reports_language_check CHECK (language IN ('vi', 'en')),
        trigger text NOT NULL CONSTRAINT situation_reports_trigger_check CHECK (trigger IN ('scheduled', 'on_demand')),
        slot_key text,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        incident_id uuid CONSTRAINT situation_reports_incident_id_fkey REFERENCES incidents (id),
        snapshot jsonb NOT NULL,
        remarks text NOT NULL DEFAULT '',
        generated_at timestamptz NOT NULL DEFAULT now(),
        generated_by uuid CONSTRAINT situation_reports_generated_by_fkey REFERENCES users (id),
        signed_off_at timestamptz,
        signed_off_by uuid CONSTRAINT situation_reports_signed_off_by_fkey REFERENCES users (id),
        signer_name text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT situation_reports_number_key UNIQUE (year, number),
        CONSTRAINT situation_reports_slot_key_key UNIQUE (slot_key),
        CONSTRAINT situation_reports_period_check CHECK (period_to >= period_from),
        CONSTRAINT situation_reports_slot_check CHECK ((trigger = 'scheduled') = (slot_key IS NOT NULL)),
        CONSTRAINT situation_reports_incident_check CHECK ((kind = 'situation') = (incident_id IS NULL)),
        CONSTRAINT situation_reports_signed_off_check CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL) AND (signed_off_at IS NULL) = (signer_name IS NULL))
      )`);
    await db.query(`CREATE INDEX situation_reports_period_to ON situation_reports (period_to)`);
    await db.query(`CREATE INDEX situation_reports_generated_at ON situation_reports (generated_at)`);
    await db.query(`CREATE INDEX situation_reports_incident_id ON situation_reports (incident_id)`);

    await db.query(`
      CREATE FUNCTION netduty_situation_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind IS DISTINCT FROM OLD.kind OR NEW.year IS DISTINCT FROM OLD.year OR NEW.number IS DISTINCT FROM OLD.number
           OR NEW.language IS DISTINCT FROM OLD.language OR NEW.trigger IS DISTINCT FROM OLD.trigger OR NEW.slot_key IS DISTINCT FROM OLD.slot_key
           OR NEW.period_from IS DISTINCT FROM OLD.period_from OR NEW.period_to IS DISTINCT FROM OLD.period_to
           OR NEW.incident_id IS DISTINCT FROM OLD.incident_id OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
           OR NEW.generated_at IS DISTINCT FROM OLD.generated_at OR NEW.generated_by IS DISTINCT FROM OLD.generated_by THEN
          RAISE EXCEPTION 'situation_reports: what was generated cannot change' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.signed_off_at IS NOT NULL THEN
          RAISE EXCEPTION 'situation_reports: a signed-off report cannot change' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`CREATE TRIGGER situation_reports_guard BEFORE UPDATE ON situation_reports FOR EACH ROW EXECUTE FUNCTION netduty_situation_report_guard()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER situation_reports_guard ON situation_reports`);
    await db.query(`DROP FUNCTION netduty_situation_report_guard()`);
    await db.query(`DROP TABLE situation_reports`);
    await db.query(`DROP TABLE situation_report_numbers`);
  }
}
