import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndAudit1763780400000 implements MigrationInterface {
  name = 'AccountsAndAudit1763780400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9._-]{3,64}$'),
        display_name text NOT NULL,
        phone text,
        email text,
        language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
        role text NOT NULL CHECK (role IN ('admin', 'duty_officer', 'cluster_staff', 'responder', 'leadership')),
        operator_code text REFERENCES operators (code),
        cluster_id uuid REFERENCES clusters (id),
        responder_id uuid REFERENCES responders (id),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        CONSTRAINT users_cluster_staff_has_operator CHECK (role <> 'cluster_staff' OR operator_code IS NOT NULL),
        CONSTRAINT users_responder_has_record CHECK (role <> 'responder' OR responder_id IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE session_families (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text,
        ip text,
        user_agent text
      )`);
    await db.query(`CREATE INDEX session_families_user ON session_families (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL REFERENCES session_families (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_username text,
        actor_role text,
        ip text,
        user_agent text,
        method text,
        path text,
        action text NOT NULL,
        entity_type text,
        entity_id text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failed')),
        status_code integer,
        before jsonb,
        after jsonb
      )`);
    await db.query(`CREATE INDEX audit_log_at ON audit_log (at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor ON audit_log (actor_username, at DESC)`);
    await db.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id)`);
    // Evidence, like the incident timeline: no role may rewrite it (netduty_refuse_rewrite is from the first migration).
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION netduty_refuse_rewrite()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION netduty_refuse_rewrite()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'refresh_tokens', 'session_families', 'users']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
