import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key belongs to the user who sent it: unique per (user, key), not across everyone, so
 * one caller's key can neither find nor block another's incident. The hash of the request it first
 * came with is kept, so the same key with a different body is refused rather than answered with the
 * first incident. Keys stored before this migration have no owner; they are cleared (a retry of one
 * in flight at the upgrade reports once more, which is all they could still protect against).
 */
export class IdempotencyPerCaller1763790000000 implements MigrationInterface {
  name = 'IdempotencyPerCaller1763790000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents ADD COLUMN idempotency_owner uuid`);
    await db.query(`ALTER TABLE incidents ADD COLUMN idempotency_body_hash text`);
    await db.query(`UPDATE incidents SET idempotency_key = NULL WHERE idempotency_key IS NOT NULL`);
    await db.query(`ALTER TABLE incidents DROP CONSTRAINT incidents_idempotency_key_key`);
    await db.query(`ALTER TABLE incidents ADD CONSTRAINT incidents_idempotency_once UNIQUE (idempotency_owner, idempotency_key)`);
    await db.query(`
      ALTER TABLE incidents ADD CONSTRAINT incidents_idempotency_complete CHECK (
        (idempotency_key IS NULL AND idempotency_owner IS NULL AND idempotency_body_hash IS NULL)
        OR (idempotency_key IS NOT NULL AND idempotency_owner IS NOT NULL AND idempotency_body_hash IS NOT NULL)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents DROP CONSTRAINT incidents_idempotency_complete`);
    await db.query(`ALTER TABLE incidents DROP CONSTRAINT incidents_idempotency_once`);
    await db.query(`UPDATE incidents SET idempotency_key = NULL WHERE idempotency_key IS NOT NULL`);
    await db.query(`ALTER TABLE incidents ADD CONSTRAINT incidents_idempotency_key_key UNIQUE (idempotency_key)`);
    await db.query(`ALTER TABLE incidents DROP COLUMN idempotency_body_hash`);
    await db.query(`ALTER TABLE incidents DROP COLUMN idempotency_owner`);
  }
}
