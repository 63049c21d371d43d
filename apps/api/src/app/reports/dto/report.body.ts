import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  CYBER_REPORT_STAGES,
  LANGUAGES,
  REPORT_KINDS,
  REPORT_LIMITS,
  type CyberReportRequest,
  type CyberReportStage,
  type FlashReportRequest,
  type GenerateReportRequest,
  type Language,
  type ReportKind,
  type SituationReportQuery,
  type UpdateReportRemarksRequest,
} from '@netduty/contracts';
import { IsZonedInstant } from '../../http/instant';
import { Optional } from '../../http/optional';
import { trimmed } from '../../http/trimmed';

export class GenerateReportBody implements GenerateReportRequest {
  @ApiProperty({ format: 'date-time', description: 'start of the period (inclusive), with its zone' })
  @IsZonedInstant()
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'end of the period (exclusive), not in the future; at most 31 days after from' })
  @IsZonedInstant()
  to!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @Optional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdateRemarksBody implements UpdateReportRemarksRequest {
  @ApiProperty({ maxLength: REPORT_LIMITS.remarksMaxLength })
  @Transform(trimmed)
  @IsString()
  @MaxLength(REPORT_LIMITS.remarksMaxLength)
  remarks!: string;
}

export class FlashReportBody implements FlashReportRequest {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @Optional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class CyberReportBody implements CyberReportRequest {
  @ApiProperty({ enum: CYBER_REPORT_STAGES, description: 'initial: báo cáo ban đầu; progress: báo cáo diễn biến tình hình' })
  @IsIn(CYBER_REPORT_STAGES)
  stage!: CyberReportStage;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @Optional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ description: "the incident is beyond the unit's capability: reported immediately", default: false })
  @Optional()
  @IsBoolean()
  beyondCapability?: boolean;

  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.cyberTextMaxLength })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(REPORT_LIMITS.cyberTextMaxLength)
  summary?: string;

  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.cyberTextMaxLength })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(REPORT_LIMITS.cyberTextMaxLength)
  measuresTaken?: string;

  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.cyberTextMaxLength })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(REPORT_LIMITS.cyberTextMaxLength)
  requests?: string;
}

export class ReportListQuery implements SituationReportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'reports whose period ends at or after this instant' })
  @Optional()
  @IsZonedInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'reports whose period ends before this instant' })
  @Optional()
  @IsZonedInstant()
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @Optional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: REPORT_LIMITS.maxPageSize, default: REPORT_LIMITS.defaultPageSize })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(REPORT_LIMITS.maxPageSize)
  pageSize?: number;
}

export class ReportFileQuery {
  @ApiPropertyOptional({ enum: LANGUAGES, description: "the report's own language by default" })
  @Optional()
  @IsIn(LANGUAGES)
  language?: Language;
}
