import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AckLinkPreviewDto, AckLinkRefusal, IncidentDto } from '@netduty/contracts';
import { IncidentService, managerOf, TransitionIncident } from '@netduty/incidents';
import { AckLinkService, type AckRedemption } from '@netduty/notifications';
import { ConflictError, NotFoundError } from '@netduty/platform-errors';
import { ActingRecipient } from './acting-recipient';

const ACK_NOTE = 'Xác nhận từ liên kết trong tin nhắn / acknowledged from a message link';

function refused(reason: AckLinkRefusal): ConflictError {
  return new ConflictError(reason, reason === 'ack_link_expired' ? 'this acknowledge link has expired' : 'this acknowledge link was already used');
}

/** A failed check as the api answers it: a link we did not sign is simply not found. */
function refusal(result: Exclude<AckRedemption, { ok: true }>): Error {
  if (result.reason === 'expired') return refused('ack_link_expired');
  if (result.reason === 'already_used') return refused('ack_link_used');
  return new NotFoundError('acknowledge link', 'token');
}

/**
 * The public acknowledge link. Preview: what it acknowledges, as whom, until when. Redeem: acknowledge
 * the incident as the link's person through the incidents area's TransitionIncident (their role and
 * scope), and in that same transaction record the link's use and its audit line: the acknowledgement
 * and the used token commit together or not at all. A link already used is refused before any work; of
 * two redemptions at once, the token row's unique key lets one commit and rolls the other back.
 */
@Injectable()
export class AckLinkRedemptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: AckLinkService,
    private readonly recipients: ActingRecipient,
    private readonly incidents: IncidentService,
    private readonly transition: TransitionIncident,
  ) {}

  async preview(token: string): Promise<AckLinkPreviewDto> {
    const check = this.links.verify(token);
    if (!check.ok) throw refusal(check);
    const { claims } = check;
    if (await this.used(claims.tokenId)) throw refused('ack_link_used');
    const actor = await this.recipients.actorFor(claims.userId, `ack-link:${claims.tokenId}`);
    const incident = await this.incidents.getDto(claims.incidentId, actor.scope);
    return { incident, recipientName: actor.displayName, expiresAt: new Date(claims.expiresAt * 1000).toISOString() };
  }

  async redeem(token: string): Promise<IncidentDto> {
    const check = this.links.verify(token);
    if (!check.ok) throw refusal(check);
    const { claims } = check;
    if (await this.used(claims.tokenId)) throw refused('ack_link_used');
    const actor = await this.recipients.acknowledger(claims.userId, `ack-link:${claims.tokenId}`);
    return this.transition.execute({ incidentId: claims.incidentId, action: 'acknowledge', note: ACK_NOTE }, actor, async (transaction, audit) => {
      const redemption = await this.links.redeem(managerOf(transaction), token);
      if (!redemption.ok) throw refusal(redemption);
      await audit.record({ action: 'notification.ack_link.redeem', entityType: 'incident', entityId: claims.incidentId, after: { tokenId: claims.tokenId, userId: claims.userId } });
    });
  }

  private used(tokenId: string): Promise<boolean> {
    return this.links.isUsed(this.dataSource.manager, tokenId);
  }
}
