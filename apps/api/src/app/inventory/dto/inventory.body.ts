import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsLatitude, IsLongitude, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { CreateSiteRequest, OperatorCode, PriorityTier, RenameOperatorRequest, SiteKind } from '@netduty/contracts';
import { OPERATOR_CODES, PRIORITY_TIERS, SITE_KINDS, NAME_MAX_LENGTH, PLACE_NAME_MAX_LENGTH } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { Optional } from '../../http/optional';

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
}
