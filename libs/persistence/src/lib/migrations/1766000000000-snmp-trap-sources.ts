import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SNMP traps (v2c and v3) as an NMS source.
 *
 * - nms_sources.snmp_community_hash: the SHA-256 (hex) of the source's SNMPv2c community. The community
 *   travels in clear in every trap, so it is an address more than a secret; kept as a hash all the same,
 *   so a database dump does not hand it out. Unique: a trap's community names exactly one source.
 * - SNMPv3 users are not stored: net-snmp needs their keys in clear to check and decrypt a trap, so they
 *   come from the api's environment (SNMP_V3_USERS), each naming its nms_sources id.
 */
export class SnmpTrapSources1766000000000 implements MigrationInterface {
  name = 'SnmpTrapSources1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE nms_sources
        ADD COLUMN snmp_community_hash text
          CONSTRAINT nms_sources_snmp_community_hash_key UNIQUE
          CONSTRAINT nms_sources_snmp_community_hash_check CHECK (snmp_community_hash ~ '^[0-9a-f]{64}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE nms_sources DROP COLUMN snmp_community_hash`);
  }
}
