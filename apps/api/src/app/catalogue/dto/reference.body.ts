import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { OperatorCode } from '@netduty/contracts';
import { OPERATOR_CODES } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';

export class RenameOperatorBody {
  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, 120)
  name!: string;
}

export class CreateClusterBody {
  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  operatorCode!: OperatorCode;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, 160)
  name!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  communeCodes!: string[];
}

export class UpdateClusterBody {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 160)
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  communeCodes?: string[];
}

export class OperatorParams {
  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  code!: OperatorCode;
}

export class ResponderQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  clusterId?: string;
}
