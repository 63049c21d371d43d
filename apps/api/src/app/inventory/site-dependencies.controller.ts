import { Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SITE_DEPENDENCY_CSV_COLUMNS, SITE_DEPENDENCY_CSV_MAX_BYTES, SITE_DEPENDENCY_CSV_MAX_ROWS, type SiteDependenciesImportDto } from '@netduty/contracts';
import { SiteDependenciesService } from '@netduty/inventory';
import { RequirePermission } from '../auth/access.decorators';
import { attachmentDisposition } from '../http/attachment';
import { readCsvBody } from './csv-body';

const HEADER = SITE_DEPENDENCY_CSV_COLUMNS.join(',');

/** The sites' upstreams and battery profiles in bulk: a CSV file to export, edit in a spreadsheet and import back. */
@ApiTags('inventory')
@Controller('sites/dependencies')
export class SiteDependenciesController {
  constructor(private readonly dependencies: SiteDependenciesService) {}

  @Get('export')
  @RequirePermission('inventory.manage')
  @ApiOperation({ summary: `Every site's upstreams and battery profile as CSV (${HEADER}), by site code: the file the import reads` })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', attachmentDisposition('netduty-site-dependencies.csv'))
  @Header('Cache-Control', 'private, no-store')
  export(): Promise<string> {
    return this.dependencies.exportCsv();
  }

  @Post('import')
  @RequirePermission('inventory.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set the upstreams and battery profiles of many sites from a CSV file, all or nothing',
    description:
      `Header: ${HEADER} (site_code required, the others optional, in any order); an empty cell clears. ` +
      `At most ${SITE_DEPENDENCY_CSV_MAX_BYTES} bytes and ${SITE_DEPENDENCY_CSV_MAX_ROWS} rows. ` +
      'Any bad cell or unknown site is 400 validation_failed naming each as "row N: column" (the header is row 1), and nothing is written.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: `${HEADER}\nLSN0001-11,EVN-LS/TrangDinh-371,VTL-LSN-RING-03,LSN-TD-003,200,1200\n` } })
  async import(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SiteDependenciesImportDto> {
    return this.dependencies.importCsv(await readCsvBody(request, response));
  }
}
