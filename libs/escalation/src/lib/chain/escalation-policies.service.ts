import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EscalationPolicyDefinition, EscalationPolicyDto, OperatorCode, PriorityTier } from '@netduty/contracts';
import { policyProblems, policyScopeConflict, selectPolicy } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { EscalationPolicyEntity } from '@netduty/persistence';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { toEscalationPolicyDto } from './policy-mapper';

/** The escalation chains administrators keep: one per (operator or any, priority tier or any). */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<EscalationPolicyDto[]> {
    const policies = await this.dataSource.getRepository(EscalationPolicyEntity).find({ order: { name: 'ASC' } });
    return policies.map(toEscalationPolicyDto);
  }

  /** The policy that governs an incident of this operator and tier (most specific wins); null when none. */
  async policyFor(em: EntityManager, subject: { operatorCode: OperatorCode; priority: PriorityTier }): Promise<EscalationPolicyEntity | null> {
    return this.select(await em.getRepository(EscalationPolicyEntity).find(), subject);
  }

  select(policies: EscalationPolicyEntity[], subject: { operatorCode: OperatorCode; priority: PriorityTier }): EscalationPolicyEntity | null {
    return selectPolicy(policies, { operatorCode: subject.operatorCode, priority: subject.priority });
  }

  async create(input: EscalationPolicyDefinition): Promise<EscalationPolicyDto> {
    return this.dataSource.transaction(async (em) => {
      await this.check(em, input, null);
      const saved = await em.getRepository(EscalationPolicyEntity).save({ ...input, name: input.name.trim() });
      const dto = toEscalationPolicyDto(saved);
      await this.audit.record({ action: 'escalation_policy.create', entityType: 'escalation_policy', entityId: saved.id, after: dto }, em);
      return dto;
    });
  }

  async replace(id: string, input: EscalationPolicyDefinition): Promise<EscalationPolicyDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await em.getRepository(EscalationPolicyEntity).findOneBy({ id });
      if (!current) throw new NotFoundError('escalation_policy', id);
      await this.check(em, input, id);
      const before = toEscalationPolicyDto(current);
      await em.getRepository(EscalationPolicyEntity).update({ id }, { ...input, name: input.name.trim() });
      const after = toEscalationPolicyDto(await em.getRepository(EscalationPolicyEntity).findOneByOrFail({ id }));
      await this.audit.record({ action: 'escalation_policy.update', entityType: 'escalation_policy', entityId: id, before, after }, em);
      return after;
    });
  }

  private async check(em: EntityManager, input: EscalationPolicyDefinition, id: string | null): Promise<void> {
    const problems = policyProblems(input);
    if (problems.length) throw new InvalidInputError(problems);
    const others = (await em.getRepository(EscalationPolicyEntity).find()).filter((policy) => policy.id !== id);
    const conflict = policyScopeConflict({ ...input, ...(id ? { id } : {}) }, others);
    if (conflict.length) throw new InvalidInputError(conflict);
  }
}
