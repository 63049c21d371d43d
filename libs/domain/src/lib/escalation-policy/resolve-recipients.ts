import type { Role } from '@netduty/contracts';
import type { EscalationLevelSpec, RecipientRule } from './escalation-policy';

export interface RecipientContext {
  /** User ids of the incident's assigned responders. */
  assignedResponderUserIds: readonly string[];
  /** User ids of the lead(s) of the cluster covering the incident's site. */
  clusterLeadUserIds: readonly string[];
  /** Active users holding a role. */
  usersByRole: (role: Role) => readonly string[];
  /** Who is on duty in a group at an instant (the rosters' rule). */
  onDuty: (groupId: string, at: Date) => readonly string[];
  /** When the level fires: on-shift rules are resolved at this instant, not when the chain was planned. */
  at: Date;
}

export interface ResolvedRecipient {
  userId: string;
  /** Every rule of the level that produced this user, in the level's order (for the delivery log). */
  rules: RecipientRule[];
}

export interface ResolvedRecipients {
  /** Distinct users, in the order a rule first produced them. */
  recipients: ResolvedRecipient[];
  /** Rules that produced nobody (no one assigned, an empty shift): the delivery log says so. */
  unmatched: RecipientRule[];
}

function usersOf(rule: RecipientRule, ctx: RecipientContext): readonly string[] {
  switch (rule.kind) {
    case 'person':
      return [rule.userId];
    case 'on_shift':
      return ctx.onDuty(rule.groupId, ctx.at);
    case 'role':
      return ctx.usersByRole(rule.role);
    case 'assigned_responders':
      return ctx.assignedResponderUserIds;
    case 'cluster_lead':
      return ctx.clusterLeadUserIds;
  }
}

/** The people a level reaches when it fires, each once, with the rules that named them. */
export function resolveRecipients(level: Pick<EscalationLevelSpec, 'recipients'>, ctx: RecipientContext): ResolvedRecipients {
  const byUser = new Map<string, RecipientRule[]>();
  const unmatched: RecipientRule[] = [];
  for (const rule of level.recipients) {
    const users = usersOf(rule, ctx);
    if (users.length === 0) unmatched.push(rule);
    for (const userId of users) {
      const rules = byUser.get(userId);
      if (rules === undefined) byUser.set(userId, [rule]);
      else if (!rules.includes(rule)) rules.push(rule);
    }
  }
  return { recipients: [...byUser].map(([userId, rules]) => ({ userId, rules })), unmatched };
}
