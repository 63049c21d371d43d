import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import type { CreateClusterRequest, CreateResponderRequest, OperatorCode, UpdateClusterRequest, UpdateResponderRequest } from '@netduty/contracts';
import { COMMUNE_CODE_MAX_LENGTH, MAX_COMMUNES_PER_CLUSTER, NAME_MAX_LENGTH, OPERATOR_CODES, PHONE_PATTERN, PLACE_NAME_MAX_LENGTH } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { Optional } from '../../http/optional';

export class CreateClusterBody implements CreateClusterRequest {
  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  operatorCode!: OperatorCode;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, PLACE_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(MAX_COMMUNES_PER_CLUSTER)
  @IsString({ each: true })
  @MaxLength(COMMUNE_CODE_MAX_LENGTH, { each: true })
  communeCodes!: string[];
}

export class UpdateClusterBody implements UpdateClusterRequest {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, PLACE_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_COMMUNES_PER_CLUSTER)
  @IsString({ each: true })
  @MaxLength(COMMUNE_CODE_MAX_LENGTH, { each: true })
  communeCodes?: string[];
}

export class ResponderQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  clusterId?: string;
}

export class CreateResponderBody implements CreateResponderRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  clusterId!: string;

  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ example: '0912 345 678' })
  @Transform(trimmed)
  @IsString()
  @Matches(PHONE_PATTERN)
  phone!: string;
}

export class UpdateResponderBody implements UpdateResponderRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all')
  clusterId?: string;

  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ example: '0912 345 678' })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Matches(PHONE_PATTERN)
  phone?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;
}
