import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { INCIDENT_EXPORT_FORMATS, LANGUAGES, type IncidentExportFormat, type Language } from '@netduty/contracts';
import { Optional } from '../../http/optional';
import { IncidentListQueryParams } from './incident-list.query';

/** The list's filters (not its paging) and the file to write. */
export class IncidentExportQueryParams extends OmitType(IncidentListQueryParams, ['limit', 'cursor'] as const) {
  @ApiProperty({ enum: INCIDENT_EXPORT_FORMATS })
  @IsIn(INCIDENT_EXPORT_FORMATS)
  format!: IncidentExportFormat;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'headers and labels; default by Accept-Language, else Vietnamese' })
  @Optional()
  @IsIn(LANGUAGES)
  language?: Language;
}
