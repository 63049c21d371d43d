import { DEPARTMENT_DUTY_GROUP_ID, type EscalationPolicyDefinition } from '@netduty/contracts';

const MINUTE = 60;

/**
 * The department's chains, seeded into the editable policy table (copy them literally). Any operator:
 * L1 the assigned responders and the cluster lead at the deadline (an unacknowledged incident has no
 * responders yet, so L1 must reach someone else too), L2 the cluster lead 15 min later, L3 the duty officer on
 * shift in the department's on-duty group 15 min after that, L4 department leadership 30 min after that;
 * then once more. P0 (venues, government offices) runs the same chain at 5/5/10 minutes, twice more.
 * A responder has 15 minutes to accept an assignment (5 for P0) before the chain moves up a level.
 */
export const DEFAULT_ESCALATION_POLICIES: readonly EscalationPolicyDefinition[] = [
  {
    name: 'Mặc định / Default',
    operatorCode: null,
    priority: null,
    levels: [
      { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }, { kind: 'cluster_lead' }] },
      { waitSeconds: 15 * MINUTE, recipients: [{ kind: 'cluster_lead' }] },
      { waitSeconds: 15 * MINUTE, recipients: [{ kind: 'on_shift', groupId: DEPARTMENT_DUTY_GROUP_ID }] },
      { waitSeconds: 30 * MINUTE, recipients: [{ kind: 'role', role: 'leadership' }] },
    ],
    repeat: 1,
    acceptSeconds: 15 * MINUTE,
  },
  {
    name: 'P0 (trạm trọng yếu) / P0 (key sites)',
    operatorCode: null,
    priority: 'P0',
    levels: [
      { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }, { kind: 'cluster_lead' }] },
      { waitSeconds: 5 * MINUTE, recipients: [{ kind: 'cluster_lead' }] },
      { waitSeconds: 5 * MINUTE, recipients: [{ kind: 'on_shift', groupId: DEPARTMENT_DUTY_GROUP_ID }] },
      { waitSeconds: 10 * MINUTE, recipients: [{ kind: 'role', role: 'leadership' }] },
    ],
    repeat: 2,
    acceptSeconds: 5 * MINUTE,
  },
];
