import type { EscalationLevelSpec, EscalationPolicyDefinition, RecipientRule } from '@netduty/contracts';

export type { EscalationLevelSpec, EscalationPolicyDefinition, RecipientRule };

/** A stored policy (with its id) or a definition not yet stored (the defaults): the rules read only these fields. */
export type EscalationPolicy = Pick<EscalationPolicyDefinition, 'operatorCode' | 'priority' | 'levels' | 'repeat'> & {
  id?: string;
  name?: string;
  /** Read only where an assignment's accept time matters; checked by policyProblems when present. */
  acceptSeconds?: number;
};
