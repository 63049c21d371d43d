import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import type { AssignRespondersRequest } from '@netduty/contracts';
import { MAX_RESPONDERS_PER_ASSIGNMENT } from '@netduty/contracts';

export class AssignRespondersBody implements AssignRespondersRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RESPONDERS_PER_ASSIGNMENT)
  @IsUUID('all', { each: true })
  responderIds!: string[];
}
