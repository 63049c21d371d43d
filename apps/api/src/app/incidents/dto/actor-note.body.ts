import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { ActorNoteRequest } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { INCIDENT_TEXT_MAX_LENGTH } from '@netduty/contracts';
import { Optional } from '../../http/optional';

export class ActorNoteBody implements ActorNoteRequest {
  @ApiPropertyOptional({ maxLength: INCIDENT_TEXT_MAX_LENGTH })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, INCIDENT_TEXT_MAX_LENGTH)
  note?: string;
}
