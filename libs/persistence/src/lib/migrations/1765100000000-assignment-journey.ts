import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assigned responder's journey: when each responder was assigned, accepted (nhận việc), set off
 * (đang di chuyển) and reached the site (đã đến trạm), on the assignment row itself; each step is taken
 * after the one before it. Three new timeline event types for those steps.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class AssignmentJourney1765100000000 implements MigrationInterface {
  name = 'AssignmentJourney1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE incident_responders
        ADD COLUMN assigned_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN en_route_at timestamptz,
        ADD COLUMN on_site_at timestamptz,
        ADD CONSTRAINT incident_responders_journey_order_check CHECK (
          (en_route_at IS NULL OR accepted_at IS NOT NULL) AND (on_site_at IS NULL OR en_route_at IS NOT NULL)
        )`);
    await db.query(`ALTER TABLE incident_events DROP CONSTRAINT incident_events_type_check`);
    await db.query(`
      ALTER TABLE incident_events ADD CONSTRAINT incident_events_type_check CHECK (type IN (
        'reported', 'acknowledged', 'assigned', 'commented', 'escalated', 'resolved', 'closed', 'reopened',
        'assignment_accepted', 'responder_en_route', 'responder_on_site'
      ))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The timeline is append-only; going back forgets the journey's lines with the columns.
    await db.query(`ALTER TABLE incident_events DISABLE TRIGGER incident_events_append_only`);
    await db.query(`DELETE FROM incident_events WHERE type IN ('assignment_accepted', 'responder_en_route', 'responder_on_site')`);
    await db.query(`ALTER TABLE incident_events ENABLE TRIGGER incident_events_append_only`);
    await db.query(`ALTER TABLE incident_events DROP CONSTRAINT incident_events_type_check`);
    await db.query(`
      ALTER TABLE incident_events ADD CONSTRAINT incident_events_type_check CHECK (type IN (
        'reported', 'acknowledged', 'assigned', 'commented', 'escalated', 'resolved', 'closed', 'reopened'
      ))`);
    await db.query(`
      ALTER TABLE incident_responders
        DROP CONSTRAINT incident_responders_journey_order_check,
        DROP COLUMN on_site_at, DROP COLUMN en_route_at, DROP COLUMN accepted_at, DROP COLUMN assigned_at`);
  }
}
