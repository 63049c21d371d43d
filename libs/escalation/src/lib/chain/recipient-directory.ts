import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { EscalationLevelSpec, EscalationRecipientDto, Role } from '@netduty/contracts';
import { onDutyAt, resolveRecipients, rosterFromWire, type RecipientContext } from '@netduty/domain';
import { RostersService } from '@netduty/organisation';
import { ClusterEntity, IncidentEntity, IncidentResponderEntity, UserEntity } from '@netduty/persistence';

/**
 * Who an escalation level reaches for one incident, resolved at the instant it fires: the assigned
 * responders' accounts, the lead on shift in the covering cluster's group, everyone on shift in a named
 * group (the roster), or the holders of a role who may see the incident. The rule is the domain's
 * resolveRecipients; this only loads what it reads, in the caller's transaction.
 */
@Injectable()
export class RecipientDirectory {
  constructor(private readonly rosters: RostersService) {}

  async resolve(em: EntityManager, incident: IncidentEntity, level: EscalationLevelSpec, at: Date): Promise<{ recipients: EscalationRecipientDto[]; unmatched: string[] }> {
    const responderIds = (await em.getRepository(IncidentResponderEntity).findBy({ incidentId: incident.id })).map((row) => row.responderId);
    // One after another: a transaction is one connection, and pg runs its queries in turn anyway (queued
    // concurrent queries on one client are deprecated and go away in pg 9).
    const responderUsers = responderIds.length ? await em.getRepository(UserEntity).findBy({ responderId: In(responderIds), active: true }) : [];
    const activeUsers = await em.getRepository(UserEntity).findBy({ active: true });
    const coveringClusters = await em
      .getRepository(ClusterEntity)
      .createQueryBuilder('cluster')
      .innerJoin('cluster.communes', 'commune', 'commune.code = :commune', { commune: incident.communeCode })
      .where('cluster.operatorCode = :operator', { operator: incident.operatorCode })
      .getMany();
    const roster = await this.rosters.onDutyResolver(em);
    const clusterIds = new Set(coveringClusters.map((cluster) => cluster.id));
    const clusterLeadUserIds = roster.groups
      .filter((group) => group.kind === 'cluster' && group.clusterId !== null && clusterIds.has(group.clusterId))
      .flatMap((group) => onDutyAt(rosterFromWire(group), at).map((shift) => shift.leadId));
    const assigned = responderUsers.map((user) => user.id);
    const sees = (user: UserEntity): boolean => {
      // A role reaches only those of its holders who may see the incident.
      if (user.role === 'cluster_staff') return user.operatorCode === incident.operatorCode && (user.clusterId === null || clusterIds.has(user.clusterId));
      if (user.role === 'responder') return assigned.includes(user.id);
      return true;
    };
    const context: RecipientContext = {
      assignedResponderUserIds: assigned,
      clusterLeadUserIds: [...new Set(clusterLeadUserIds)],
      usersByRole: (role: Role) => activeUsers.filter((user) => user.role === role && sees(user)).map((user) => user.id),
      onDuty: roster.onDuty,
      at,
    };
    const resolved = resolveRecipients(level, context);
    const names = new Map(activeUsers.map((user) => [user.id, user.displayName]));
    return {
      // A person named in a policy who is no longer active is not notified.
      recipients: resolved.recipients
        .filter((recipient) => names.has(recipient.userId))
        .map((recipient) => ({
          userId: recipient.userId,
          displayName: names.get(recipient.userId) ?? '',
          rules: [...new Set(recipient.rules.map((rule) => rule.kind))],
        })),
      unmatched: [...new Set(resolved.unmatched.map((rule) => rule.kind))],
    };
  }
}
