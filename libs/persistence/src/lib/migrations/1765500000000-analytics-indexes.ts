import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leadership's figures over a long history: incidents restored per hour or day are found by their
 * restore time (reported times already have `incidents_recent`). Partial: open incidents have none.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class AnalyticsIndexes1765500000000 implements MigrationInterface {
  name = 'AnalyticsIndexes1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX incidents_resolved_at ON incidents (resolved_at) WHERE resolved_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX incidents_resolved_at`);
  }
}
