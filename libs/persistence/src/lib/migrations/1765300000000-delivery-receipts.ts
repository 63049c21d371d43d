import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery receipts: a gateway reports what became of a message by the id it answered the send with,
 * so that id is looked up per gateway.
 *
 * Frozen history: literal SQL, nothing imported from the project.
 */
export class DeliveryReceipts1765300000000 implements MigrationInterface {
  name = 'DeliveryReceipts1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX notification_deliveries_receipt ON notification_deliveries (gateway_id, provider_message_id) WHERE provider_message_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notification_deliveries_receipt`);
  }
}
