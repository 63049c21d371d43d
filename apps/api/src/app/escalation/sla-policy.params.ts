import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { PriorityTier, Severity } from '@netduty/contracts';
import { PRIORITY_TIERS, SEVERITIES } from '@netduty/contracts';

export class SlaPolicyParams {
  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ enum: PRIORITY_TIERS })
  @IsIn(PRIORITY_TIERS)
  priority!: PriorityTier;
}
