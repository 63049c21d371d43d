import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { CreateUserRequest, Language, OperatorCode, Role } from '@netduty/contracts';
import { LANGUAGES, OPERATOR_CODES, ROLES, NAME_MAX_LENGTH } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';

export class CreateUserBody implements CreateUserRequest {
  @ApiProperty({ pattern: '^[a-z0-9._-]{3,64}$' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 of a-z, 0-9, dot, underscore, hyphen' })
  username!: string;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  displayName!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: OPERATOR_CODES })
  @IsOptional()
  @IsIn(OPERATOR_CODES)
  operatorCode?: OperatorCode;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  clusterId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  responderId?: string;
}
