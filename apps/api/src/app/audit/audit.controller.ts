import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@netduty/identity';
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
  async export(@Query() query: AuditQueryParams, @Res() response: Response): Promise<void> {
    const chunks = this.audit.csvChunks(query);
    // The first batch is read before anything is sent, so a failing query is still a JSON error.
    const header = await chunks.next();
    const first = await chunks.next();
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="netduty-audit.csv"');
    try {
      for (let chunk = header; !chunk.done; chunk = chunk === header ? first : await chunks.next()) {
        if (response.destroyed) break;
        // Backpressure: wait for a slow client instead of buffering the whole export in memory.
        if (!response.write(chunk.value)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
      }
    } catch (error) {
      // Headers are gone: all that is left is to cut the download short, so it cannot pass as complete.
      response.destroy(error as Error);
      return;
    } finally {
      await chunks.return(undefined);
    }
    response.end();
  }
}
