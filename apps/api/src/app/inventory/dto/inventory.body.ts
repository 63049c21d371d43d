import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsLatitude, IsLongitude, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { CreateSiteRequest, OperatorCode, PriorityTier, RenameOperatorRequest, SiteKind } from '@netduty/contracts';
import {
  BATTERY_CAPACITY_AH_MAX,
  LOAD_WATTS_MAX,
  LOAD_WATTS_MIN,
  NAME_MAX_LENGTH,
  OPERATOR_CODES,
  PLACE_NAME_MAX_LENGTH,
  PRIORITY_TIERS,
  SITE_KINDS,
  UPSTREAM_CODE_MAX_LENGTH,
  UPSTREAM_CODE_PATTERN,
} from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { Optional } from '../../http/optional';

/** An upstream's code, trimmed; null clears it (a meaning the field has, so IsOptional lets null through). */
const UpstreamCode = (description: string, example: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, description, example, maxLength: UPSTREAM_CODE_MAX_LENGTH, pattern: UPSTREAM_CODE_PATTERN.source }),
    IsOptional(),
    Transform(trimmed),
    IsString(),
    Length(1, UPSTREAM_CODE_MAX_LENGTH),
    Matches(UPSTREAM_CODE_PATTERN, { message: 'must be letters, digits, . _ - / and spaces, starting with a letter or digit' }),
  );

/** A battery figure; null takes the default of the site's kind. */
const BatteryFigure = (description: string, min: number, max: number): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description, minimum: min, maximum: max }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );

const FEEDER = 'the medium-voltage feeder or substation that feeds the site; null: not known';
const ROUTE = 'the fibre route (ring) that carries its traffic; null: not known';
const AGGREGATION = 'the code of the aggregation (hub) node it reaches the core through; null: not known';
const CAPACITY = 'battery bank, ampere-hours (0: none); null: the default of the site kind';
const LOAD = 'load on the batteries once mains is lost, watts; null: the default of the site kind';

export class RenameOperatorBody implements RenameOperatorRequest {
  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name!: string;
}

export class OperatorParams {
  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  code!: OperatorCode;
}

export class CreateSiteBody implements CreateSiteRequest {
  @ApiProperty({ example: 'LSN0324-11' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{2,40}$/, { message: 'code must be 2-40 of letters, digits, _ . -' })
  code!: string;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, PLACE_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: SITE_KINDS })
  @IsIn(SITE_KINDS)
  kind!: SiteKind;

  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  operatorCode!: OperatorCode;

  @ApiProperty({ example: '05977' })
  @IsString()
  @MaxLength(10)
  communeCode!: string;

  @ApiProperty({ example: 21.8537 })
  @IsLatitude()
  latitude!: number;

  @ApiProperty({ example: 106.7615 })
  @IsLongitude()
  longitude!: number;

  @ApiProperty({ enum: PRIORITY_TIERS })
  @IsIn(PRIORITY_TIERS)
  priority!: PriorityTier;

  @UpstreamCode(FEEDER, 'EVN-LS/TrangDinh-371')
  powerFeeder?: string | null;

  @UpstreamCode(ROUTE, 'VTL-LSN-RING-03')
  transmissionRoute?: string | null;

  @UpstreamCode(AGGREGATION, 'LSN-TD-003')
  aggregationNode?: string | null;

  @BatteryFigure(CAPACITY, 0, BATTERY_CAPACITY_AH_MAX)
  batteryCapacityAh?: number | null;

  @BatteryFigure(LOAD, LOAD_WATTS_MIN, LOAD_WATTS_MAX)
  loadWatts?: number | null;
}

export class UpdateSiteBody implements Partial<CreateSiteRequest> {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{2,40}$/, { message: 'code must be 2-40 of letters, digits, _ . -' })
  code?: string;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, PLACE_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ enum: SITE_KINDS })
  @Optional()
  @IsIn(SITE_KINDS)
  kind?: SiteKind;

  @ApiPropertyOptional({ enum: OPERATOR_CODES })
  @Optional()
  @IsIn(OPERATOR_CODES)
  operatorCode?: OperatorCode;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(10)
  communeCode?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ enum: PRIORITY_TIERS })
  @Optional()
  @IsIn(PRIORITY_TIERS)
  priority?: PriorityTier;

  @UpstreamCode(FEEDER, 'EVN-LS/TrangDinh-371')
  powerFeeder?: string | null;

  @UpstreamCode(ROUTE, 'VTL-LSN-RING-03')
  transmissionRoute?: string | null;

  @UpstreamCode(AGGREGATION, 'LSN-TD-003')
  aggregationNode?: string | null;

  @BatteryFigure(CAPACITY, 0, BATTERY_CAPACITY_AH_MAX)
  batteryCapacityAh?: number | null;

  @BatteryFigure(LOAD, LOAD_WATTS_MIN, LOAD_WATTS_MAX)
  loadWatts?: number | null;
}
