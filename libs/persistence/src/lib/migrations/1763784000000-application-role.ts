import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The api and the worker stop connecting as the owner of the tables. Migrations keep running as the
 * owner; the running application gets the privileges of `netduty_app` (a NOLOGIN group role, created
 * here when the server does not have it yet) and nothing more: row DML on the tables it writes, only
 * INSERT and SELECT on the two append-only tables, no TRUNCATE anywhere, no CREATE, no ownership — so
 * it can neither delete evidence nor switch off the triggers that protect it (ALTER TABLE … DISABLE
 * TRIGGER needs ownership, session_replication_role needs a superuser). The login the api uses is
 * made a member of netduty_app by the migrate command, which also sets its password.
 */
export class ApplicationRole1763784000000 implements MigrationInterface {
  name = 'ApplicationRole1763784000000';

  async up(db: QueryRunner): Promise<void> {
    // Roles are shared by every database on the server, so another database may be creating it right now.
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'netduty_app') THEN
          BEGIN
            CREATE ROLE netduty_app NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
          END;
        END IF;
      END
      $$`);
    // PostgreSQL before 15 lets every role create tables in public.
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA public TO netduty_app`);

    // Every table there is so far (this migration's predecessors), then narrowed where the application needs less.
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO netduty_app`);
    await db.query(`REVOKE ALL ON typeorm_migrations FROM netduty_app`);
    await db.query(`REVOKE UPDATE, DELETE ON audit_log, incident_events FROM netduty_app`);
    // Rows the application changes but never removes (assignments and cluster communes are replaced by delete + insert).
    await db.query(`
      REVOKE DELETE ON operators, provinces, communes, sites, clusters, responders, sla_policies,
        incidents, escalations, users, session_families FROM netduty_app`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO netduty_app`);
    await db.query(`REVOKE ALL ON SEQUENCE typeorm_migrations_id_seq FROM netduty_app`);

    // Tables and sequences later migrations create (as this same owner) get the ordinary row privileges;
    // a migration adding another append-only table revokes UPDATE and DELETE on it from netduty_app.
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO netduty_app`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO netduty_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM netduty_app`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM netduty_app`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM netduty_app`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM netduty_app`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM netduty_app`);
    // The role itself stays: other databases on the server may still grant to it.
  }
}
