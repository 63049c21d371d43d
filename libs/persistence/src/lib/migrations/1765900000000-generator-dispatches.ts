import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Battery runtime and generators (chạy ắc quy và điều phối máy phát).
 *
 * - generator_dispatches: a generator team sent to a site by the duty officer, and how far it got:
 *   assigned → departed → arrived → running → stopped, each step stamped once. Stopped ends it from any
 *   step (the generator is switched off, or the team stands down). At most one dispatch per site is not
 *   yet stopped, so two officers cannot send two teams to one site. The team is free text — the team's
 *   name and a phone to call — since generator crews are often hired locally, not NetDuty's responders.
 * - battery_estimates: the first runtime estimate NetDuty made for each loss of mains at a site (the
 *   estimate itself is computed in the application from the power alarms and the battery bank, so SQL
 *   cannot recompute it later). Set beside the site's state history (site_state_changes), it tells
 *   whether a site went off air before or after it was expected to: the judgement is a query, not a table.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class GeneratorDispatches1765900000000 implements MigrationInterface {
  name = 'GeneratorDispatches1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE generator_dispatches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites (id),
        incident_id uuid REFERENCES incidents (id),
        team text NOT NULL,
        status text NOT NULL DEFAULT 'assigned'
          CONSTRAINT generator_dispatches_status_check CHECK (status IN ('assigned', 'departed', 'arrived', 'running', 'stopped')),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        departed_at timestamptz,
        arrived_at timestamptz,
        running_at timestamptz,
        stopped_at timestamptz,
        note text,
        created_by uuid NOT NULL REFERENCES users (id),
        CONSTRAINT generator_dispatches_stopped_when_stopped CHECK ((status = 'stopped') = (stopped_at IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX generator_dispatches_one_unfinished ON generator_dispatches (site_id) WHERE status <> 'stopped'`);

    await db.query(`
      CREATE TABLE battery_estimates (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        site_id uuid NOT NULL REFERENCES sites (id),
        incident_id uuid NOT NULL REFERENCES incidents (id),
        mains_lost_at timestamptz NOT NULL,
        estimated_off_air_at timestamptz NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT battery_estimates_site_mains_lost_key UNIQUE (site_id, mains_lost_at)
      )`);
    await db.query(`CREATE INDEX battery_estimates_mains_lost_at ON battery_estimates (mains_lost_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE battery_estimates`);
    await db.query(`DROP TABLE generator_dispatches`);
  }
}
