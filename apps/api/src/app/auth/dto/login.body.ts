import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { LoginRequest } from '@netduty/contracts';

export class LoginBody implements LoginRequest {
  @ApiProperty({ example: 'trucban' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'NetDuty@2026' })
  @IsString()
  @Length(1, 256)
  password!: string;
}
