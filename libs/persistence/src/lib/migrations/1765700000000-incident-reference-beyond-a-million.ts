import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incident references past SC-999999: `lpad(n, 6)` cuts a longer number to its first six digits, so the
 * millionth incident drew SC-100000 again and its report failed on the unique reference (found by the
 * dashboard bench's million incidents). The reference now keeps every digit, and at least six.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class IncidentReferenceBeyondAMillion1765700000000 implements MigrationInterface {
  name = 'IncidentReferenceBeyondAMillion1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION netduty_next_incident_reference() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT 'SC-' || lpad(n::text, greatest(6, length(n::text)), '0') FROM nextval('incident_reference_seq') AS n
      $$`);
    await db.query(`ALTER TABLE incidents ALTER COLUMN reference SET DEFAULT netduty_next_incident_reference()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents ALTER COLUMN reference SET DEFAULT ('SC-' || lpad(nextval('incident_reference_seq')::text, 6, '0'))`);
    await db.query(`DROP FUNCTION netduty_next_incident_reference()`);
  }
}
