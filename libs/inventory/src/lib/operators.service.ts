import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommuneDto, OperatorCode, OperatorDto } from '@netduty/contracts';
import { AuditService } from '@netduty/identity';
import { CommuneEntity, OperatorEntity } from '@netduty/persistence';
import { NotFoundError } from '@netduty/platform-errors';
import { toCommuneDto, toOperatorDto } from './inventory-mappers';

/** The operators (telecom and postal businesses) and the province's communes they serve. */
@Injectable()
export class OperatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async operators(): Promise<OperatorDto[]> {
    const operators = await this.dataSource.getRepository(OperatorEntity).find({ order: { kind: 'DESC', name: 'ASC' } });
    return operators.map(toOperatorDto);
  }

  async communes(): Promise<CommuneDto[]> {
    const communes = await this.dataSource.getRepository(CommuneEntity).find();
    return communes.sort((a, b) => a.name.localeCompare(b.name, 'vi')).map(toCommuneDto);
  }

  async renameOperator(code: OperatorCode, name: string): Promise<OperatorDto> {
    return this.dataSource.transaction(async (em) => {
      const operator = await em.getRepository(OperatorEntity).findOneBy({ code });
      if (!operator) throw new NotFoundError('operator', code);
      const before = { ...operator };
      operator.name = name.trim();
      await em.getRepository(OperatorEntity).save(operator);
      await this.audit.record({ action: 'operator.update', entityType: 'operator', entityId: code, before, after: operator }, em);
      return toOperatorDto(operator);
    });
  }
}
