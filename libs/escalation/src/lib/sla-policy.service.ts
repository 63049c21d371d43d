import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PriorityTier, Severity, SlaPolicyDto, UpdateSlaPolicyRequest } from '@netduty/contracts';
import { PRIORITY_TIERS, SEVERITIES } from '@netduty/contracts';
import { slaWindowProblems } from '@netduty/domain';
import { SlaPolicyEntity } from '@netduty/persistence';
import { AuditService } from '@netduty/identity';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';

function toDto(policy: SlaPolicyEntity): SlaPolicyDto {
  return {
    severity: policy.severity,
    priority: policy.priority,
    acknowledgeSeconds: policy.acknowledgeSeconds,
    restoreSeconds: policy.restoreSeconds,
    updatedAt: policy.updatedAt.toISOString(),
  };
}

/** The SLA policy table: one acknowledge and one restore window per severity × priority tier. */
@Injectable()
export class SlaPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SlaPolicyDto[]> {
    const policies = await this.dataSource.getRepository(SlaPolicyEntity).find();
    const order = (policy: SlaPolicyEntity) =>
      SEVERITIES.indexOf(policy.severity) * PRIORITY_TIERS.length + PRIORITY_TIERS.indexOf(policy.priority);
    return policies.sort((a, b) => order(a) - order(b)).map(toDto);
  }

  /** Applies to incidents reported (or reopened) from now on; running clocks keep their deadlines. */
  async update(severity: Severity, priority: PriorityTier, change: UpdateSlaPolicyRequest): Promise<SlaPolicyDto> {
    const problems = slaWindowProblems(change);
    if (problems.length > 0) {
      throw new InvalidInputError(problems);
    }
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(SlaPolicyEntity);
      const before = await repository.findOneBy({ severity, priority });
      if (!before) throw new NotFoundError('sla policy', `${severity}/${priority}`);
      await repository.update({ severity, priority }, { acknowledgeSeconds: change.acknowledgeSeconds, restoreSeconds: change.restoreSeconds });
      const after = await repository.findOneByOrFail({ severity, priority });
      await this.audit.record({ action: 'sla_policy.update', entityType: 'sla_policy', entityId: `${severity}/${priority}`, before, after }, em);
      return toDto(after);
    });
  }
}
