import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import type { IncidentCategory, ReportIncidentRequest, Severity } from '@netduty/contracts';
import { INCIDENT_CATEGORIES, SEVERITIES, INCIDENT_TEXT_MAX_LENGTH, NAME_MAX_LENGTH } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { Optional } from '../../http/optional';

export class ReportIncidentBody implements ReportIncidentRequest {
  @ApiProperty({ format: 'uuid', description: 'The site (BTS, node or postal point) at fault' })
  @IsUUID('all')
  siteId!: string;

  @ApiProperty({ enum: INCIDENT_CATEGORIES })
  @IsIn(INCIDENT_CATEGORIES)
  category!: IncidentCategory;

  @ApiProperty({ enum: SEVERITIES, description: 'ITU-T X.733 perceived severity' })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ minLength: 1, maxLength: INCIDENT_TEXT_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(1, INCIDENT_TEXT_MAX_LENGTH)
  description!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: NAME_MAX_LENGTH, description: "defaults to the reporting user's name" })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  reporterName?: string;
}
