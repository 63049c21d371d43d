import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@netduty/identity';
import { type IncidentRepositories, type TransactionHandle, UnitOfWork } from '../ports/unit-of-work';
import { TypeOrmIncidentRepository } from './typeorm-incident-repository';
import { TypeOrmResponderAssignments } from './typeorm-responder-assignments';
import { TypeOrmSiteLookup } from './typeorm-site-lookup';
import { TypeOrmSlaPolicyLookup } from './typeorm-sla-policy-lookup';
import { TypeOrmTimelineWriter } from './typeorm-timeline-writer';

interface TypeOrmTransaction extends TransactionHandle {
  manager: EntityManager;
}

/** The entity manager of a TypeORM unit of work's transaction, for rows that must commit with it. */
export function managerOf(transaction: TransactionHandle): EntityManager {
  if (!('manager' in transaction)) throw new Error('not a TypeORM unit of work');
  return (transaction as TypeOrmTransaction).manager;
}

/** One database transaction; every repository it hands out writes through that transaction's manager. */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    super();
  }

  run<T>(work: (repositories: IncidentRepositories) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((em) => work(this.bind(em)));
  }

  private bind(em: EntityManager): IncidentRepositories {
    const transaction: TypeOrmTransaction = { kind: 'transaction', manager: em };
    return {
      transaction,
      incidents: new TypeOrmIncidentRepository(em),
      responders: new TypeOrmResponderAssignments(em),
      timeline: new TypeOrmTimelineWriter(em),
      slaPolicies: new TypeOrmSlaPolicyLookup(em),
      sites: new TypeOrmSiteLookup(em),
      audit: { record: (change) => this.audit.record(change, em) },
    };
  }
}
