import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { CreateClusterRequest, OperatorCode, UpdateClusterRequest } from '@netduty/contracts';
import { COMMUNE_CODE_MAX_LENGTH, MAX_COMMUNES_PER_CLUSTER, OPERATOR_CODES, PLACE_NAME_MAX_LENGTH } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';

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
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, PLACE_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COMMUNES_PER_CLUSTER)
  @IsString({ each: true })
  @MaxLength(COMMUNE_CODE_MAX_LENGTH, { each: true })
  communeCodes?: string[];
}

export class ResponderQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  clusterId?: string;
}
