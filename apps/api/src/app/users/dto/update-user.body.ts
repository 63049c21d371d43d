import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import type { Language, OperatorCode, Role, UpdateUserRequest } from '@netduty/contracts';
import { LANGUAGES, OPERATOR_CODES, ROLES, NAME_MAX_LENGTH } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { Optional } from '../../http/optional';

/** null clears a field; an absent field is left as it is. */
export class UpdateUserBody implements UpdateUserRequest {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  displayName?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @Optional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: OPERATOR_CODES, nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsIn(OPERATOR_CODES)
  operatorCode?: OperatorCode | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all')
  clusterId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all')
  responderId?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;
}
