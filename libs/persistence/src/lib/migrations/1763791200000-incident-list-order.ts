import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for paging the incident lists with a keyset cursor instead of loading every row.
 *
 * - `incidents_board_order`: the board's order over open incidents, as expressions of the row so no
 *   stored column has to be kept in step: the next deadline (acknowledge while reported, restore until
 *   resolved, none — infinity — after), the severity's rank, then the id. The same expressions are
 *   written in `libs/persistence/src/lib/incident-list-order.ts`, which the queries use; PostgreSQL
 *   matches them to this index, reads a page in order and stops.
 * - `incidents_recent`: newest report first, for the history of closed incidents and period filters.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class IncidentListOrder1763791200000 implements MigrationInterface {
  name = 'IncidentListOrder1763791200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX incidents_board_order ON incidents (
        (CASE WHEN status = 'reported' THEN ack_due_at WHEN status IN ('resolved', 'closed') THEN 'infinity'::timestamptz ELSE restore_due_at END),
        (CASE severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END),
        id
      ) WHERE status <> 'closed'`);
    await db.query(`CREATE INDEX incidents_recent ON incidents (reported_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX incidents_recent`);
    await db.query(`DROP INDEX incidents_board_order`);
  }
}
