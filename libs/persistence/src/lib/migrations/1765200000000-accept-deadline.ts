import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accept deadline: each escalation policy says how long an assigned responder has to accept
 * (nhận việc) before the chain moves up; an assignment remembers when its lapse escalated, once.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class AcceptDeadline1765200000000 implements MigrationInterface {
  name = 'AcceptDeadline1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE escalation_policies
        ADD COLUMN accept_seconds integer NOT NULL DEFAULT 900
          CONSTRAINT escalation_policies_accept_seconds_check CHECK (accept_seconds BETWEEN 1 AND 86400)`);
    // The seeded P0 chain (still under its seeded name) gives 5 minutes, as its levels are tighter.
    await db.query(`UPDATE escalation_policies SET accept_seconds = 300 WHERE priority = 'P0' AND operator_code IS NULL AND name = 'P0 (trạm trọng yếu) / P0 (key sites)'`);
    await db.query(`ALTER TABLE incident_responders ADD COLUMN accept_escalated_at timestamptz`);
    // The sweep looks for assignments still waiting to be accepted.
    await db.query(`CREATE INDEX incident_responders_unaccepted_idx ON incident_responders (incident_id) WHERE accepted_at IS NULL AND accept_escalated_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX incident_responders_unaccepted_idx`);
    await db.query(`ALTER TABLE incident_responders DROP COLUMN accept_escalated_at`);
    await db.query(`ALTER TABLE escalation_policies DROP COLUMN accept_seconds`);
  }
}
