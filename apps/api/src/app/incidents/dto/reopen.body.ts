import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { ActorNoteRequest } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { INCIDENT_TEXT_MAX_LENGTH } from '@netduty/contracts';

/** Reopening needs a reason: it restarts the restore clock. */
export class ReopenBody implements ActorNoteRequest {
  @ApiProperty({ minLength: 1, maxLength: INCIDENT_TEXT_MAX_LENGTH, description: 'Why the incident is reopened' })
  @Transform(trimmed)
  @IsString()
  @Length(1, INCIDENT_TEXT_MAX_LENGTH)
  note!: string;
}
