import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { ChangePasswordRequest } from '@netduty/contracts';

export class ChangePasswordBody implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'at least 12 characters mixing three of: lower, upper, digits, symbols' })
  @IsString()
  @Length(1, 256)
  newPassword!: string;
}
