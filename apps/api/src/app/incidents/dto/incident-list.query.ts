import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { IncidentCategory, IncidentListQuery, IncidentListSort, IncidentStatus, OperatorCode, PriorityTier, Severity } from '@netduty/contracts';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CURSOR_MAX_LENGTH,
  INCIDENT_FILTER_MAX_VALUES,
  INCIDENT_LIST_SORTS,
  INCIDENT_PAGE_DEFAULT_LIMIT,
  INCIDENT_PAGE_MAX_LIMIT,
  INCIDENT_SEARCH_MAX_LENGTH,
  INCIDENT_STATUSES,
  OPERATOR_CODES,
  PRIORITY_TIERS,
  SEVERITIES,
} from '@netduty/contracts';
import { booleanParam, commaList } from '../../http/list-param';
import { Optional } from '../../http/optional';

export class IncidentListQueryParams implements IncidentListQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, isArray: true, description: 'comma-separated' })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @IsIn(INCIDENT_STATUSES, { each: true })
  status?: IncidentStatus[];

  @ApiPropertyOptional({ enum: SEVERITIES, isArray: true })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @IsIn(SEVERITIES, { each: true })
  severity?: Severity[];

  @ApiPropertyOptional({ enum: PRIORITY_TIERS, isArray: true })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @IsIn(PRIORITY_TIERS, { each: true })
  priority?: PriorityTier[];

  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES, isArray: true })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @IsIn(INCIDENT_CATEGORIES, { each: true })
  category?: IncidentCategory[];

  @ApiPropertyOptional({ enum: OPERATOR_CODES, isArray: true })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @IsIn(OPERATOR_CODES, { each: true })
  operator?: OperatorCode[];

  @ApiPropertyOptional({ type: [String], description: 'commune codes, comma-separated' })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(INCIDENT_FILTER_MAX_VALUES)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  commune?: string[];

  @ApiPropertyOptional({ type: [String], description: 'site ids, comma-separated' })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(INCIDENT_FILTER_MAX_VALUES)
  @IsUUID('all', { each: true })
  site?: string[];

  @ApiPropertyOptional({ default: true, description: 'only incidents that are not closed; open=false&status=closed is the history' })
  @Optional()
  @Transform(booleanParam)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ default: false, description: 'true: leave out incidents filed under a mass-outage parent (the board shows them under their parent)' })
  @Optional()
  @Transform(booleanParam)
  @IsBoolean()
  topLevel?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the children filed under this mass-outage parent' })
  @Optional()
  @IsUUID('all')
  parent?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'reported at or after' })
  @Optional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'reported before' })
  @Optional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ maxLength: INCIDENT_SEARCH_MAX_LENGTH, description: 'reference, or site code/name/commune (diacritics-insensitive)' })
  @Optional()
  @IsString()
  @MaxLength(INCIDENT_SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: INCIDENT_LIST_SORTS, default: 'urgency' })
  @Optional()
  @IsIn(INCIDENT_LIST_SORTS)
  sort?: IncidentListSort;

  @ApiPropertyOptional({ minimum: 1, maximum: INCIDENT_PAGE_MAX_LIMIT, default: INCIDENT_PAGE_DEFAULT_LIMIT })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INCIDENT_PAGE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @Optional()
  @IsString()
  @MaxLength(INCIDENT_CURSOR_MAX_LENGTH)
  cursor?: string;
}
