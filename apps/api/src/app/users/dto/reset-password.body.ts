import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { ResetPasswordRequest } from '@netduty/contracts';

export class ResetPasswordBody implements ResetPasswordRequest {
  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(1, 256)
  newPassword!: string;
}
