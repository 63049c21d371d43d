import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length } from 'class-validator';
import type { CreateGeneratorDispatchRequest } from '@netduty/contracts';
import { BATTERY_LIMITS } from '@netduty/contracts';
import { Optional } from '../../http/optional';
import { trimmed } from '../../http/trimmed';

/** POST /battery/dispatches. */
export class CreateGeneratorDispatchBody implements CreateGeneratorDispatchRequest {
  @ApiProperty({ format: 'uuid', description: 'The site the generator goes to (one the caller can see)' })
  @IsUUID('all')
  siteId!: string;

  @ApiProperty({ minLength: 1, maxLength: BATTERY_LIMITS.teamMaxLength, description: "The generator team: its name and a phone to call (e.g. 'Tổ máy phát Cao Lộc — 0912 345 678')" })
  @Transform(trimmed)
  @IsString()
  @Length(1, BATTERY_LIMITS.teamMaxLength)
  team!: string;

  @ApiPropertyOptional({ maxLength: BATTERY_LIMITS.noteMaxLength })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, BATTERY_LIMITS.noteMaxLength)
  note?: string;
}
