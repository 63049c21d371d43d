import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The generic alarm webhook's mappings (one per NMS source that posts its own JSON instead of TMF642).
 *
 * - alarm_webhook_mappings: the declarative mapping (JSONPath for the items and each alarm field, value
 *   maps, clear detection) of one source, as jsonb. Its own table rather than a column of nms_sources:
 *   most sources speak TMF642 and have none, and the mapping's audit trail is its own. The mapping is
 *   validated by the application when saved; the CHECK only keeps it an object.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class AlarmWebhookMappings1766100000000 implements MigrationInterface {
  name = 'AlarmWebhookMappings1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alarm_webhook_mappings (
        source_system_id text PRIMARY KEY REFERENCES nms_sources (id),
        mapping jsonb NOT NULL CONSTRAINT alarm_webhook_mappings_mapping_check CHECK (jsonb_typeof(mapping) = 'object'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alarm_webhook_mappings`);
  }
}
