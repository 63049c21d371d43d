import type { EscalationPolicyDto } from '@netduty/contracts';
import type { EscalationPolicyEntity } from '@netduty/persistence';

export function toEscalationPolicyDto(policy: EscalationPolicyEntity): EscalationPolicyDto {
  return {
    id: policy.id,
    name: policy.name,
    operatorCode: policy.operatorCode,
    priority: policy.priority,
    levels: policy.levels,
    repeat: policy.repeat,
    acceptSeconds: policy.acceptSeconds,
    updatedAt: policy.updatedAt.toISOString(),
  };
}
