import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotificationAckUseEntity } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { ackTokenKey, signAckToken, verifyAckToken, type AckTokenClaims } from './ack-token';

/** How long an acknowledge link works: long enough for a night shift's phone, short enough to go stale. */
export const ACK_LINK_TTL_SECONDS = 12 * 3600;

export type AckRedemption =
  | { ok: true; claims: AckTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'already_used' };

/**
 * Signed, expiring, single-use acknowledge links. The api's route redeems a token inside the
 * transaction that acknowledges the incident as the token's user and writes the audit entry: the
 * used-token row and the acknowledgement commit together or not at all.
 */
@Injectable()
export class AckLinkService {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = ackTokenKey(config.JWT_SECRET);
  }

  issue(incidentId: string, userId: string, now: Date = new Date(), ttlSeconds = ACK_LINK_TTL_SECONDS): string {
    return signAckToken({ tokenId: randomUUID(), incidentId, userId, expiresAt: Math.floor(now.getTime() / 1000) + ttlSeconds }, this.key);
  }

  verify(token: string, now: Date = new Date()) {
    return verifyAckToken(token, this.key, now);
  }

  /** Whether the link with this token id was redeemed already. */
  async isUsed(manager: EntityManager, tokenId: string): Promise<boolean> {
    return (await manager.getRepository(NotificationAckUseEntity).countBy({ tokenId })) > 0;
  }

  /** Verifies the token and records its use; a second redemption, even in parallel, is `already_used`. */
  async redeem(manager: EntityManager, token: string, now: Date = new Date()): Promise<AckRedemption> {
    const check = this.verify(token, now);
    if (!check.ok) return check;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationAckUseEntity)
      .values({ tokenId: check.claims.tokenId, incidentId: check.claims.incidentId, userId: check.claims.userId })
      .orIgnore()
      .returning(['tokenId'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return { ok: false, reason: 'already_used' };
    return check;
  }
}
