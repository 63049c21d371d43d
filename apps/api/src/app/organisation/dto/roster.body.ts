import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  DEFAULT_ROSTER_TIME_ZONE,
  ISO_WEEKDAYS,
  NAME_MAX_LENGTH,
  ON_DUTY_GROUP_KINDS,
  ROSTER_LIMITS,
  type AddShiftOverrideRequest,
  type AddShiftSwapRequest,
  type CrewDto,
  type IsoWeekday,
  type OneOffShiftDto,
  type OnDutyGroupKind,
  type RotationDto,
  type ShiftOverrideDto,
  type ShiftSwapDto,
  type ShiftTemplateDto,
} from '@netduty/contracts';
import { HANDOVER_LIMITS, type CreateHandoverRequest } from '@netduty/contracts';
import type { RosterInput } from '@netduty/organisation';
import { trimmed } from '../../http/trimmed';
import { IsZonedInstant } from '../../http/instant';
import { Optional } from '../../http/optional';

/*
 * Request bodies of the roster routes. class-validator checks the shape (types, sizes, ids); the domain's
 * rosterProblems then checks the roster whole (times, overlaps, leads among members, swaps naming real
 * occurrences) in RostersService, so both kinds of problem come back as 400 naming the field.
 */

const ID_MAX_LENGTH = 64;
/** "2026-12-07T07:00:00.000+07:00" and its kin; the domain refuses what is not an instant with a zone. */
const INSTANT_MAX_LENGTH = 40;
const TIME_ZONE_MAX_LENGTH = 64;

export class ShiftTemplateBody implements ShiftTemplateDto {
  @ApiProperty({ maxLength: ID_MAX_LENGTH })
  @IsString()
  @Length(1, ID_MAX_LENGTH)
  id!: string;

  @ApiProperty({ example: '07:00' })
  @IsString()
  @MaxLength(5)
  startTime!: string;

  @ApiProperty({ example: '15:00' })
  @IsString()
  @MaxLength(5)
  endTime!: string;
}

export class CrewBody implements CrewDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.membersPerCrew)
  @IsUUID('all', { each: true })
  memberIds!: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  leadId!: string;
}

export class RotationBody implements RotationDto {
  @ApiProperty({ maxLength: ID_MAX_LENGTH })
  @IsString()
  @Length(1, ID_MAX_LENGTH)
  id!: string;

  @ApiProperty({ type: [ShiftTemplateBody] })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.templatesPerRotation)
  @ValidateNested({ each: true })
  @Type(() => ShiftTemplateBody)
  templates!: ShiftTemplateBody[];

  @ApiProperty({ type: [Number], enum: ISO_WEEKDAYS })
  @IsArray()
  @ArrayMaxSize(ISO_WEEKDAYS.length)
  @IsIn(ISO_WEEKDAYS, { each: true })
  weekdays!: IsoWeekday[];

  @ApiProperty({ example: '2026-12-07' })
  @IsString()
  @MaxLength(10)
  anchorDate!: string;

  @ApiProperty({ type: [CrewBody] })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.crewsPerRotation)
  @ValidateNested({ each: true })
  @Type(() => CrewBody)
  crews!: CrewBody[];

  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(INSTANT_MAX_LENGTH)
  effectiveFrom!: string;

  @ApiProperty({ format: 'date-time', nullable: true })
  @ValidateIf((rotation: RotationBody) => rotation.effectiveUntil !== null)
  @IsString()
  @MaxLength(INSTANT_MAX_LENGTH)
  effectiveUntil!: string | null;
}

/** A one-off shift and an override share their shape: an interval and its crew. */
export class CrewIntervalBody implements OneOffShiftDto, ShiftOverrideDto {
  @ApiProperty({ maxLength: ID_MAX_LENGTH })
  @IsString()
  @Length(1, ID_MAX_LENGTH)
  id!: string;

  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(INSTANT_MAX_LENGTH)
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(INSTANT_MAX_LENGTH)
  endsAt!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.membersPerCrew)
  @IsUUID('all', { each: true })
  memberIds!: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  leadId!: string;
}

export class ShiftSwapBody implements ShiftSwapDto {
  @ApiProperty({ maxLength: ID_MAX_LENGTH })
  @IsString()
  @Length(1, ID_MAX_LENGTH)
  id!: string;

  @ApiProperty({ maxLength: ID_MAX_LENGTH })
  @IsString()
  @Length(1, ID_MAX_LENGTH)
  templateId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(INSTANT_MAX_LENGTH)
  occurrenceStartsAt!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  outgoingUserId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  incomingUserId!: string;
}

/** POST /on-duty-groups/:id/overrides: an override without its id (the server names it). */
export class AddShiftOverrideBody extends OmitType(CrewIntervalBody, ['id'] as const) implements AddShiftOverrideRequest {}

/** POST /on-duty-groups/:id/swaps: a swap without its id (the server names it). */
export class AddShiftSwapBody extends OmitType(ShiftSwapBody, ['id'] as const) implements AddShiftSwapRequest {}

/** POST /on-duty-groups and PUT /on-duty-groups/:id: a group and its whole roster. */
export class OnDutyGroupBody implements RosterInput {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: ON_DUTY_GROUP_KINDS })
  @IsIn(ON_DUTY_GROUP_KINDS)
  kind!: OnDutyGroupKind;

  @ApiProperty({ format: 'uuid', nullable: true, description: "required for kind 'cluster', null otherwise" })
  @ValidateIf((body: OnDutyGroupBody) => body.clusterId !== null)
  @IsUUID('all')
  clusterId!: string | null;

  @ApiPropertyOptional({ default: DEFAULT_ROSTER_TIME_ZONE })
  @Optional()
  @IsString()
  @MaxLength(TIME_ZONE_MAX_LENGTH)
  timeZone: string = DEFAULT_ROSTER_TIME_ZONE;

  @ApiProperty({ type: [RotationBody] })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.rotationsPerGroup)
  @ValidateNested({ each: true })
  @Type(() => RotationBody)
  rotations!: RotationBody[];

  @ApiProperty({ type: [CrewIntervalBody] })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.oneOffShiftsPerGroup)
  @ValidateNested({ each: true })
  @Type(() => CrewIntervalBody)
  oneOffShifts!: CrewIntervalBody[];

  @ApiProperty({ type: [CrewIntervalBody] })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.overridesPerGroup)
  @ValidateNested({ each: true })
  @Type(() => CrewIntervalBody)
  overrides!: CrewIntervalBody[];

  @ApiProperty({ type: [ShiftSwapBody] })
  @IsArray()
  @ArrayMaxSize(ROSTER_LIMITS.swapsPerGroup)
  @ValidateNested({ each: true })
  @Type(() => ShiftSwapBody)
  swaps!: ShiftSwapBody[];
}

/** The body as the service takes it (plain objects, no class instances in the stored jsonb). */
export function toRosterInput(body: OnDutyGroupBody): RosterInput {
  const interval = (item: CrewIntervalBody) => ({ id: item.id, ...toCrewInterval(item) });
  return {
    name: body.name,
    kind: body.kind,
    clusterId: body.clusterId,
    timeZone: body.timeZone,
    rotations: body.rotations.map((rotation) => ({
      id: rotation.id,
      templates: rotation.templates.map((template) => ({ id: template.id, startTime: template.startTime, endTime: template.endTime })),
      weekdays: [...rotation.weekdays],
      anchorDate: rotation.anchorDate,
      crews: rotation.crews.map(toCrew),
      effectiveFrom: rotation.effectiveFrom,
      effectiveUntil: rotation.effectiveUntil,
    })),
    oneOffShifts: body.oneOffShifts.map(interval),
    overrides: body.overrides.map(interval),
    swaps: body.swaps.map((swap) => ({ id: swap.id, ...toSwapTerms(swap) })),
  };
}

function toCrew(item: CrewDto): CrewDto {
  return { memberIds: [...item.memberIds], leadId: item.leadId };
}

/** An interval and its crew as plain data: a one-off shift or an override without its id. */
export function toCrewInterval(body: AddShiftOverrideRequest): AddShiftOverrideRequest {
  return { startsAt: body.startsAt, endsAt: body.endsAt, ...toCrew(body) };
}

/** A swap without its id, as plain data. */
export function toSwapTerms(body: AddShiftSwapRequest): AddShiftSwapRequest {
  return { templateId: body.templateId, occurrenceStartsAt: body.occurrenceStartsAt, outgoingUserId: body.outgoingUserId, incomingUserId: body.incomingUserId };
}

/** GET /on-duty-groups/:id/shifts?from&to (at most ROSTER_LIMITS.queryDays apart). */
export class ShiftsQuery {
  @ApiProperty({ format: 'date-time' })
  @IsZonedInstant()
  from!: string;

  @ApiProperty({ format: 'date-time' })
  @IsZonedInstant()
  to!: string;
}

/** POST /on-duty-groups/:id/handovers. */
export class CreateHandoverBody implements CreateHandoverRequest {
  @ApiProperty({ maxLength: HANDOVER_LIMITS.notesMaxLength })
  @Transform(trimmed)
  @IsString()
  @MaxLength(HANDOVER_LIMITS.notesMaxLength)
  notes!: string;

  @ApiPropertyOptional({ format: 'date-time', description: "the outgoing shift's start; by default the shift covering now" })
  @Optional()
  @IsZonedInstant()
  shiftStartsAt?: string;
}
