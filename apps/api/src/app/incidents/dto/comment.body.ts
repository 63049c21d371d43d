import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { CommentRequest } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { INCIDENT_TEXT_MAX_LENGTH } from '@netduty/contracts';

export class CommentBody implements CommentRequest {
  @ApiProperty({ minLength: 1, maxLength: INCIDENT_TEXT_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(1, INCIDENT_TEXT_MAX_LENGTH)
  text!: string;
}
