import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { IncidentCategory, ReportIncidentRequest, Severity } from '@netduty/contracts';
import { INCIDENT_CATEGORIES, SEVERITIES } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';

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

  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 120, description: "defaults to the reporting user's name" })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 120)
  reporterName?: string;
}
