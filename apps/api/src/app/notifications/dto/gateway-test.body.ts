import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class GatewayTestBody {
  @ApiProperty({ description: 'where the test goes: an e-mail address, a phone number or a chat id', maxLength: 320 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 320)
  address!: string;
}
