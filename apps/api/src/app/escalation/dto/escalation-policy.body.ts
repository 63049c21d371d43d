import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  ESCALATION_POLICY_LIMITS,
  OPERATOR_CODES,
  PRIORITY_TIERS,
  RECIPIENT_KINDS,
  ROLES,
  type EscalationPolicyDefinition,
  type OperatorCode,
  type PriorityTier,
  type RecipientKind,
  type RecipientRule,
  type Role,
} from '@netduty/contracts';
import { Optional } from '../../http/optional';
import { trimmed } from '../../http/trimmed';

const { maxLevels, maxRecipientsPerLevel, maxRepeat, maxWaitSeconds, maxNameLength, minAcceptSeconds, maxAcceptSeconds, defaultAcceptSeconds } = ESCALATION_POLICY_LIMITS;

/** One recipient rule; the field its kind needs is required, the others refused by the domain's check. */
export class RecipientRuleBody {
  @ApiProperty({ enum: RECIPIENT_KINDS })
  @IsIn(RECIPIENT_KINDS)
  kind!: RecipientKind;

  @ApiPropertyOptional({ format: 'uuid', description: "kind 'person'" })
  @ValidateIf((rule: RecipientRuleBody) => rule.kind === 'person' || rule.userId !== undefined)
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "kind 'on_shift'" })
  @ValidateIf((rule: RecipientRuleBody) => rule.kind === 'on_shift' || rule.groupId !== undefined)
  @IsUUID('all')
  groupId?: string;

  @ApiPropertyOptional({ enum: ROLES, description: "kind 'role'" })
  @ValidateIf((rule: RecipientRuleBody) => rule.kind === 'role' || rule.role !== undefined)
  @IsIn(ROLES)
  role?: Role;
}

export class EscalationLevelBody {
  @ApiProperty({ minimum: 0, maximum: maxWaitSeconds })
  @IsInt()
  @Min(0)
  @Max(maxWaitSeconds)
  waitSeconds!: number;

  @ApiProperty({ type: [RecipientRuleBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxRecipientsPerLevel)
  @ValidateNested({ each: true })
  @Type(() => RecipientRuleBody)
  recipients!: RecipientRuleBody[];
}

export class EscalationPolicyBody {
  @ApiProperty({ maxLength: maxNameLength })
  @Transform(trimmed)
  @IsString()
  @Length(1, maxNameLength)
  name!: string;

  @ApiProperty({ enum: OPERATOR_CODES, nullable: true })
  @ValidateIf((body: EscalationPolicyBody) => body.operatorCode !== null)
  @IsIn(OPERATOR_CODES)
  operatorCode!: OperatorCode | null;

  @ApiProperty({ enum: PRIORITY_TIERS, nullable: true })
  @ValidateIf((body: EscalationPolicyBody) => body.priority !== null)
  @IsIn(PRIORITY_TIERS)
  priority!: PriorityTier | null;

  @ApiProperty({ type: [EscalationLevelBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxLevels)
  @ValidateNested({ each: true })
  @Type(() => EscalationLevelBody)
  levels!: EscalationLevelBody[];

  @ApiProperty({ minimum: 0, maximum: maxRepeat })
  @IsInt()
  @Min(0)
  @Max(maxRepeat)
  repeat!: number;

  @ApiPropertyOptional({ minimum: minAcceptSeconds, maximum: maxAcceptSeconds, default: defaultAcceptSeconds, description: 'how long an assigned responder has to accept before the chain moves up' })
  @Optional()
  @IsInt()
  @Min(minAcceptSeconds)
  @Max(maxAcceptSeconds)
  acceptSeconds?: number;
}

/** The body as the domain reads it: each rule with only the field its kind names. */
export function toPolicyDefinition(body: EscalationPolicyBody): EscalationPolicyDefinition {
  return {
    name: body.name,
    operatorCode: body.operatorCode,
    priority: body.priority,
    repeat: body.repeat,
    acceptSeconds: body.acceptSeconds ?? defaultAcceptSeconds,
    levels: body.levels.map((level) => ({ waitSeconds: level.waitSeconds, recipients: level.recipients.map(toRule) })),
  };
}

function toRule(rule: RecipientRuleBody): RecipientRule {
  switch (rule.kind) {
    case 'person':
      return { kind: 'person', userId: rule.userId ?? '' };
    case 'on_shift':
      return { kind: 'on_shift', groupId: rule.groupId ?? '' };
    case 'role':
      return { kind: 'role', role: rule.role ?? 'duty_officer' };
    case 'assigned_responders':
    case 'cluster_lead':
      return { kind: rule.kind };
  }
}

export class ChainChangeBody {
  @ApiProperty({ minimum: 1, maximum: maxLevels })
  @IsInt()
  @Min(1)
  @Max(maxLevels)
  targetLevel!: number;

  @ApiProperty({ minLength: 1, maxLength: 500 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 500)
  reason!: string;
}

