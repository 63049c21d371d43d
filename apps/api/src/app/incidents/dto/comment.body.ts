import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { CommentRequest } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';

export class CommentBody implements CommentRequest {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  text!: string;
}
