import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@netduty/application';
import type { AuditEntryDto, Page } from '@netduty/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { AuditQueryParams } from './dto/audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  list(@Query() query: AuditQueryParams): Promise<Page<AuditEntryDto>> {
    return this.audit.list(query);
  }

  @Get('export.csv')
  @RequirePermission('audit.read')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="netduty-audit.csv"')
  export(@Query() query: AuditQueryParams): Promise<string> {
    return this.audit.csv(query);
  }
}
