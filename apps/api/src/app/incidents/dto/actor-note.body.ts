import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import type { ActorNoteRequest } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';

export class ActorNoteBody implements ActorNoteRequest {
  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  note?: string;
}
