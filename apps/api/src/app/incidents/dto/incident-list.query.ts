import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { IncidentListQuery, IncidentStatus, OperatorCode, Severity } from '@netduty/contracts';
import { INCIDENT_STATUSES, OPERATOR_CODES, SEVERITIES } from '@netduty/contracts';
import { booleanParam, commaList } from '../../http/list-param';

export class IncidentListQueryParams implements IncidentListQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, isArray: true, description: 'comma-separated' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(INCIDENT_STATUSES, { each: true })
  status?: IncidentStatus[];

  @ApiPropertyOptional({ enum: SEVERITIES, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(SEVERITIES, { each: true })
  severity?: Severity[];

  @ApiPropertyOptional({ enum: OPERATOR_CODES, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(OPERATOR_CODES, { each: true })
  operator?: OperatorCode[];

  @ApiPropertyOptional({ type: [String], description: 'commune codes, comma-separated' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  commune?: string[];

  @ApiPropertyOptional({ default: true, description: 'only incidents that are not closed' })
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean()
  open?: boolean;
}
