import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The append-only audit trail every area records its changes in, inside the change's own transaction. */
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
