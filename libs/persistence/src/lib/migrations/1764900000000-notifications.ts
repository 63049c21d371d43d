import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: outside gateways, people's channel preferences and addresses, the delivery outbox,
 * the in-app notification centre and the record of redeemed acknowledge links.
 *
 * - `notification_deliveries` is the outbox: unique per (source, recipient, channel), so the
 *   transaction that stores an escalation level can insert its deliveries with ON CONFLICT DO NOTHING
 *   however often it is retried. Workers claim a row with one UPDATE … RETURNING; a partial index
 *   serves the sweep over rows still pending or sending.
 * - `notification_ack_uses` is evidence, like the audit trail: the application may add rows, never
 *   change or remove them, so a link once redeemed stays redeemed.
 * - The application's row privileges come from the default privileges of the application-role
 *   migration; the preferences and contacts are replaced by delete + insert, so they keep DELETE.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class Notifications1764900000000 implements MigrationInterface {
  name = 'Notifications1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_gateways (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('email', 'sms', 'zalo', 'telegram')),
        name text NOT NULL UNIQUE,
        enabled boolean NOT NULL DEFAULT true,
        rate_limit_per_second integer NOT NULL DEFAULT 10,
        smtp_host text,
        smtp_port integer,
        smtp_secure boolean NOT NULL DEFAULT false,
        smtp_user text,
        smtp_password text,
        from_address text,
        url text,
        method text NOT NULL DEFAULT 'POST' CHECK (method IN ('POST', 'PUT')),
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        body_template text,
        webhook_secret text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_gateways_rate_limit_check CHECK (rate_limit_per_second >= 1 AND rate_limit_per_second <= 1000),
        CONSTRAINT notification_gateways_email_complete CHECK (kind <> 'email' OR (smtp_host IS NOT NULL AND smtp_port IS NOT NULL AND from_address IS NOT NULL)),
        CONSTRAINT notification_gateways_http_complete CHECK (kind = 'email' OR (url IS NOT NULL AND body_template IS NOT NULL))
      )`);

    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users (id),
        severity text NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
        channels text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, severity),
        CONSTRAINT notification_preferences_channels_check CHECK (channels <@ ARRAY['in_app', 'email', 'sms', 'zalo', 'telegram']::text[])
      )`);

    await db.query(`
      CREATE TABLE notification_contacts (
        user_id uuid NOT NULL REFERENCES users (id),
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo', 'telegram')),
        address text NOT NULL,
        PRIMARY KEY (user_id, channel)
      )`);

    await db.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_key text NOT NULL,
        incident_id uuid REFERENCES incidents (id),
        recipient_user_id uuid NOT NULL REFERENCES users (id),
        channel text NOT NULL CHECK (channel IN ('in_app', 'email', 'sms', 'zalo', 'telegram')),
        gateway_id uuid REFERENCES notification_gateways (id),
        address text,
        payload jsonb NOT NULL,
        urgency_rank integer NOT NULL DEFAULT 0,
        ack_code text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz,
        claimed_at timestamptz,
        provider_message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        delivered_at timestamptz,
        CONSTRAINT notification_deliveries_once UNIQUE (source_key, recipient_user_id, channel),
        CONSTRAINT notification_deliveries_gateway_for_outside CHECK ((channel = 'in_app') = (gateway_id IS NULL))
      )`);
    await db.query(`CREATE INDEX notification_deliveries_open ON notification_deliveries (status, next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await db.query(`CREATE INDEX notification_deliveries_incident ON notification_deliveries (incident_id, created_at)`);
    await db.query(`CREATE INDEX notification_deliveries_recipient ON notification_deliveries (recipient_user_id, created_at)`);
    await db.query(`CREATE INDEX notification_deliveries_reply ON notification_deliveries (gateway_id, ack_code) WHERE ack_code IS NOT NULL`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        incident_id uuid REFERENCES incidents (id),
        delivery_id uuid NOT NULL UNIQUE REFERENCES notification_deliveries (id),
        title_key text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_unread ON notifications (user_id, created_at) WHERE read_at IS NULL`);
    await db.query(`CREATE INDEX notifications_user ON notifications (user_id, created_at)`);

    await db.query(`
      CREATE TABLE notification_ack_uses (
        token_id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents (id),
        user_id uuid NOT NULL REFERENCES users (id),
        used_at timestamptz NOT NULL DEFAULT now()
      )`);
    // netduty_refuse_rewrite is from the first migration; the role is from the application-role migration.
    await db.query(`
      CREATE TRIGGER notification_ack_uses_append_only BEFORE UPDATE OR DELETE ON notification_ack_uses
      FOR EACH ROW EXECUTE FUNCTION netduty_refuse_rewrite()`);
    await db.query(`
      CREATE TRIGGER notification_ack_uses_no_truncate BEFORE TRUNCATE ON notification_ack_uses
      FOR EACH STATEMENT EXECUTE FUNCTION netduty_refuse_rewrite()`);
    await db.query(`REVOKE UPDATE, DELETE ON notification_ack_uses FROM netduty_app`);
    // Rows the application changes but never removes (preferences and contacts are replaced, so they keep DELETE).
    await db.query(`REVOKE DELETE ON notification_gateways, notification_deliveries, notifications FROM netduty_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notification_ack_uses', 'notifications', 'notification_deliveries', 'notification_contacts', 'notification_preferences', 'notification_gateways']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
