import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsNumber, IsObject, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ESCALATION_POLICY_LIMITS, EVENT_PERIOD_LIMITS, type EventPeriodDefinition, type EventSlaOverride, type PriorityTier } from '@netduty/contracts';
import { trimmed } from '../http/trimmed';

export class EventSlaOverrideBody implements EventSlaOverride {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  acknowledgeSeconds!: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  restoreSeconds!: number;
}

export class EventSlaOverridesBody implements Partial<Record<PriorityTier, EventSlaOverride>> {
  @ApiPropertyOptional({ type: EventSlaOverrideBody })
  @ValidateIf((body: EventSlaOverridesBody) => body.P0 !== undefined)
  @ValidateNested()
  @Type(() => EventSlaOverrideBody)
  P0?: EventSlaOverrideBody;

  @ApiPropertyOptional({ type: EventSlaOverrideBody })
  @ValidateIf((body: EventSlaOverridesBody) => body.P1 !== undefined)
  @ValidateNested()
  @Type(() => EventSlaOverrideBody)
  P1?: EventSlaOverrideBody;

  @ApiPropertyOptional({ type: EventSlaOverrideBody })
  @ValidateIf((body: EventSlaOverridesBody) => body.P2 !== undefined)
  @ValidateNested()
  @Type(() => EventSlaOverrideBody)
  P2?: EventSlaOverrideBody;
}

export class EventPeriodBody implements EventPeriodDefinition {
  @ApiProperty({ maxLength: EVENT_PERIOD_LIMITS.maxNameLength })
  @Transform(trimmed)
  @IsString()
  @Length(1, EVENT_PERIOD_LIMITS.maxNameLength)
  name!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(EVENT_PERIOD_LIMITS.maxP0Sites)
  @IsUUID('all', { each: true })
  p0SiteIds!: string[];

  @ApiProperty({ nullable: true, minimum: EVENT_PERIOD_LIMITS.minSlaFactor, maximum: 1 })
  @ValidateIf((body: EventPeriodBody) => body.slaFactor !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(EVENT_PERIOD_LIMITS.minSlaFactor)
  @Max(1)
  slaFactor!: number | null;

  @ApiProperty({ type: EventSlaOverridesBody })
  @IsObject()
  @ValidateNested()
  @Type(() => EventSlaOverridesBody)
  slaOverrides!: EventSlaOverridesBody;

  @ApiProperty({ nullable: true, minimum: 1, maximum: ESCALATION_POLICY_LIMITS.maxLevels })
  @ValidateIf((body: EventPeriodBody) => body.p0LeadershipLevel !== null)
  @IsInt()
  @Min(1)
  @Max(ESCALATION_POLICY_LIMITS.maxLevels)
  p0LeadershipLevel!: number | null;

  @ApiProperty({ minimum: EVENT_PERIOD_LIMITS.minReportIntervalMinutes, maximum: EVENT_PERIOD_LIMITS.maxReportIntervalMinutes })
  @IsInt()
  @Min(EVENT_PERIOD_LIMITS.minReportIntervalMinutes)
  @Max(EVENT_PERIOD_LIMITS.maxReportIntervalMinutes)
  reportIntervalMinutes!: number;
}
