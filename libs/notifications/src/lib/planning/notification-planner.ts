import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { NotificationGatewayKind, NotificationPayload, NotificationUrgency } from '@netduty/contracts';
import {
  IncidentEntity,
  NotificationContactEntity,
  NotificationGatewayEntity,
  NotificationPreferenceEntity,
  UserEntity,
} from '@netduty/persistence';
import { AckLinkService } from '../ack/ack-link.service';
import { planDeliveries, type DeliveryPlan, type NotificationRecipient } from './plan-deliveries';

export interface IncidentNotificationRequest {
  /** e.g. `escalation-<escalation id>`: the same on a retried transaction. */
  sourceKey: string;
  incidentId: string;
  recipientUserIds: readonly string[];
  payload: NotificationPayload;
  /**
   * The console's acknowledge page (e.g. `https://netduty.example/ack`): each recipient's outside
   * messages then carry a link with a signed, single-use token of their own. Without it, no link.
   */
  ackLinkBaseUrl?: string;
}

export interface PeopleNotificationRequest {
  /** e.g. `situation-report-<report id>`: the same on a retried transaction. */
  sourceKey: string;
  recipientUserIds: readonly string[];
  payload: NotificationPayload;
  /** Decides the channels (critical or P0: every channel; otherwise each person's choice for the severity) and the queue order. */
  urgency: NotificationUrgency;
}

/** A six-digit code a recipient replies to the SMS gateway with. */
export function newAckCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Loads what planning needs — the incident's urgency, the recipients' addresses and preferences, the
 * enabled gateway of each kind (the oldest, when there are several) — in the caller's transaction,
 * and returns the deliveries for NotificationOutbox.add. Inactive accounts are not notified.
 */
@Injectable()
export class NotificationPlanner {
  constructor(private readonly ackLinks: AckLinkService) {}

  async planForIncident(manager: EntityManager, request: IncidentNotificationRequest): Promise<DeliveryPlan> {
    const incident = await manager.getRepository(IncidentEntity).findOneByOrFail({ id: request.incidentId });
    const ids = [...new Set(request.recipientUserIds)];
    if (ids.length === 0) return { deliveries: [], skipped: [] };
    const { recipients, gatewayByKind } = await this.reach(manager, ids);
    const plan = planDeliveries(
      { sourceKey: request.sourceKey, incidentId: incident.id, severity: incident.severity, priority: incident.priority, payload: request.payload },
      recipients,
      gatewayByKind,
      newAckCode,
    );
    const base = request.ackLinkBaseUrl;
    if (!base) return plan;
    // One link per person (single use: whichever of their messages they open first acknowledges).
    const links = new Map<string, string>();
    for (const delivery of plan.deliveries) {
      if (delivery.channel === 'in_app') continue;
      let link = links.get(delivery.recipientUserId);
      if (!link) {
        link = `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(this.ackLinks.issue(incident.id, delivery.recipientUserId))}`;
        links.set(delivery.recipientUserId, link);
      }
      delivery.payload = { ...delivery.payload, ackUrl: link };
    }
    return plan;
  }

  /**
   * Deliveries about something that is not an incident (a situation report to leadership): the same
   * people, addresses, preferences and gateways as planForIncident, at the urgency the caller gives.
   */
  async planForPeople(manager: EntityManager, request: PeopleNotificationRequest): Promise<DeliveryPlan> {
    const ids = [...new Set(request.recipientUserIds)];
    if (ids.length === 0) return { deliveries: [], skipped: [] };
    const { recipients, gatewayByKind } = await this.reach(manager, ids);
    const plan = planDeliveries(
      { sourceKey: request.sourceKey, incidentId: null, severity: request.urgency.severity, priority: request.urgency.priority, payload: request.payload },
      recipients,
      gatewayByKind,
      newAckCode,
    );
    // There is no incident to acknowledge: no SMS reply code.
    return { ...plan, deliveries: plan.deliveries.map((delivery) => ({ ...delivery, ackCode: null })) };
  }

  /** The active recipients with their addresses and preferences, and the enabled gateway of each kind (the oldest). */
  private async reach(
    manager: EntityManager,
    ids: string[],
  ): Promise<{ recipients: NotificationRecipient[]; gatewayByKind: Partial<Record<NotificationGatewayKind, string>> }> {
    const [users, contacts, preferences, gateways] = await Promise.all([
      manager.getRepository(UserEntity).findBy({ id: In(ids), active: true }),
      manager.getRepository(NotificationContactEntity).findBy({ userId: In(ids) }),
      manager.getRepository(NotificationPreferenceEntity).findBy({ userId: In(ids) }),
      manager.getRepository(NotificationGatewayEntity).find({ where: { enabled: true }, order: { createdAt: 'ASC' } }),
    ]);
    const gatewayByKind: Partial<Record<NotificationGatewayKind, string>> = {};
    for (const gateway of gateways) gatewayByKind[gateway.kind] ??= gateway.id;
    const recipients: NotificationRecipient[] = users.map((user) => {
      const addresses: NotificationRecipient['addresses'] = {};
      if (user.email) addresses.email = user.email;
      if (user.phone) {
        addresses.sms = user.phone;
        addresses.zalo = user.phone;
      }
      for (const contact of contacts) if (contact.userId === user.id) addresses[contact.channel] = contact.address;
      const chosen: NotificationRecipient['preferences'] = {};
      for (const preference of preferences) if (preference.userId === user.id) chosen[preference.severity] = preference.channels;
      return { userId: user.id, addresses, preferences: chosen };
    });
    return { recipients, gatewayByKind };
  }
}
