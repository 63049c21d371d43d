import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { UpdateSlaPolicyRequest } from '@netduty/contracts';
import { MAX_SLA_SECONDS } from '@netduty/domain';

export class UpdateSlaPolicyBody implements UpdateSlaPolicyRequest {
  @ApiProperty({ minimum: 1, maximum: MAX_SLA_SECONDS, example: 300 })
  @IsInt()
  @Min(1)
  @Max(MAX_SLA_SECONDS)
  acknowledgeSeconds!: number;

  @ApiProperty({ minimum: 1, maximum: MAX_SLA_SECONDS, example: 7200 })
  @IsInt()
  @Min(1)
  @Max(MAX_SLA_SECONDS)
  restoreSeconds!: number;
}
