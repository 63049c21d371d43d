import { ESCALATION_POLICY_LIMITS, type EscalationPolicyDefinition, type EscalationPolicyDto, type OperatorCode, type PriorityTier, type RecipientRule, type Role } from '@netduty/contracts';

/** "Any" in the operator and tier pickers (the wire says null). */
export const ANY = 'any';

/** One level as the editor holds it: the wait in minutes and the recipients grouped by kind. */
export interface LevelValues {
  waitMinutes: number;
  people: string[];
  groups: string[];
  roles: Role[];
  assignedResponders: boolean;
  clusterLead: boolean;
  /** No input: carries the level's own problems ("choose at least one recipient"). */
  recipients?: null;
}

export interface PolicyValues {
  name: string;
  operatorCode: OperatorCode | typeof ANY;
  priority: PriorityTier | typeof ANY;
  repeat: number;
  /** The accept time, in minutes (the wire says seconds). */
  acceptMinutes: number;
  levels: LevelValues[];
}

export const EMPTY_LEVEL: LevelValues = { waitMinutes: 0, people: [], groups: [], roles: [], assignedResponders: false, clusterLead: false };

function levelValues(recipients: readonly RecipientRule[], waitSeconds: number): LevelValues {
  const level: LevelValues = { ...EMPTY_LEVEL, waitMinutes: waitSeconds / 60, people: [], groups: [], roles: [] };
  for (const rule of recipients) {
    switch (rule.kind) {
      case 'person':
        level.people.push(rule.userId);
        break;
      case 'on_shift':
        level.groups.push(rule.groupId);
        break;
      case 'role':
        level.roles.push(rule.role);
        break;
      case 'assigned_responders':
        level.assignedResponders = true;
        break;
      case 'cluster_lead':
        level.clusterLead = true;
        break;
    }
  }
  return level;
}

export function policyValues(policy: EscalationPolicyDto | null): PolicyValues {
  if (!policy) {
    return { name: '', operatorCode: ANY, priority: ANY, repeat: 0, acceptMinutes: ESCALATION_POLICY_LIMITS.defaultAcceptSeconds / 60, levels: [{ ...EMPTY_LEVEL, assignedResponders: true }] };
  }
  return {
    name: policy.name,
    operatorCode: policy.operatorCode ?? ANY,
    priority: policy.priority ?? ANY,
    repeat: policy.repeat,
    acceptMinutes: policy.acceptSeconds / 60,
    levels: policy.levels.map((level) => levelValues(level.recipients, level.waitSeconds)),
  };
}

/** The recipients in a fixed order (assigned responders, cluster lead, roles, groups, people), which `problemPath` relies on. */
function recipientsOf(level: LevelValues): RecipientRule[] {
  return [
    ...(level.assignedResponders ? [{ kind: 'assigned_responders' } as const] : []),
    ...(level.clusterLead ? [{ kind: 'cluster_lead' } as const] : []),
    ...level.roles.map((role) => ({ kind: 'role', role }) as const),
    ...level.groups.map((groupId) => ({ kind: 'on_shift', groupId }) as const),
    ...level.people.map((userId) => ({ kind: 'person', userId }) as const),
  ];
}

export function policyDefinition(values: PolicyValues): EscalationPolicyDefinition {
  return {
    name: values.name.trim(),
    operatorCode: values.operatorCode === ANY ? null : values.operatorCode,
    priority: values.priority === ANY ? null : values.priority,
    repeat: values.repeat,
    acceptSeconds: Math.round(values.acceptMinutes * 60),
    levels: values.levels.map((level) => ({ waitSeconds: Math.round(level.waitMinutes * 60), recipients: recipientsOf(level) })),
  };
}

export type PolicyFormPath =
  | ['name' | 'operatorCode' | 'priority' | 'repeat' | 'acceptMinutes' | 'levels']
  | ['levels', number, 'waitMinutes' | 'people' | 'groups' | 'roles' | 'assignedResponders' | 'clusterLead' | 'recipients'];

const RECIPIENT_FIELD: Readonly<Record<RecipientRule['kind'], 'people' | 'groups' | 'roles' | 'assignedResponders' | 'clusterLead'>> = {
  person: 'people',
  on_shift: 'groups',
  role: 'roles',
  assigned_responders: 'assignedResponders',
  cluster_lead: 'clusterLead',
};

/**
 * Where the editor shows a problem the api (or policyProblems) names: `levels[1].waitSeconds` on that
 * level's wait, `levels[1].recipients[3]…` on the picker of that recipient's kind, `levels[1].recipients`
 * on the level's recipients line. Null for a field the editor has none of.
 */
export function problemPath(field: string, definition: EscalationPolicyDefinition): PolicyFormPath | null {
  if (field === 'name' || field === 'operatorCode' || field === 'priority' || field === 'repeat' || field === 'levels') return [field];
  if (field === 'acceptSeconds') return ['acceptMinutes'];
  const match = /^levels\[(\d+)\]\.(waitSeconds|recipients)(?:\[(\d+)\])?/.exec(field);
  if (!match) return null;
  const index = Number(match[1]);
  if (match[2] === 'waitSeconds') return ['levels', index, 'waitMinutes'];
  if (match[3] === undefined) return ['levels', index, 'recipients'];
  const rule = definition.levels[index]?.recipients[Number(match[3])];
  return rule ? ['levels', index, RECIPIENT_FIELD[rule.kind]] : ['levels', index, 'recipients'];
}
