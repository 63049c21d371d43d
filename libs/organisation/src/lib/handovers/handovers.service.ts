import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OnDutyGroupDto, ShiftOccurrenceDto } from '@netduty/contracts';
import { AuditService, ForbiddenError, type Actor } from '@netduty/identity';
import { OnDutyGroupEntity, ShiftHandoverEntity } from '@netduty/persistence';
import { ConflictError, InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { toOnDutyGroupDto } from '../rosters/roster-mapper';
import { handoversReadable, visibleClusterIds } from '../rosters/roster-visibility';
import { RostersService } from '../rosters/rosters.service';
import { toShiftHandoverDto } from './handover-mapper';
import { buildHandoverSheet } from './handover-sheet';
import { HANDOVER_LIMITS, type CreateHandoverRequest, type ShiftHandoverDto } from '@netduty/contracts';

const HOUR_MS = 3_600_000;
const NEXT_SHIFT_SEARCH_MS = 7 * 24 * HOUR_MS;

/**
 * Handovers (bàn giao ca): the outgoing shift lead (or a duty officer) writes the sheet at the end of a
 * shift; the lead of the next occurrence acknowledges it. Both steps are kept and audited.
 */
@Injectable()
export class HandoversService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rosters: RostersService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, groupId: string): Promise<ShiftHandoverDto[]> {
    await this.readableGroup(this.dataSource.manager, actor, groupId);
    const handovers = await this.dataSource.getRepository(ShiftHandoverEntity).find({ where: { groupId }, order: { shiftStartsAt: 'DESC' }, take: 50 });
    return handovers.map(toShiftHandoverDto);
  }

  async create(actor: Actor, groupId: string, request: CreateHandoverRequest, now: Date): Promise<ShiftHandoverDto> {
    return this.dataSource.transaction(async (em) => {
      const group = await this.readableGroup(em, actor, groupId);
      const shift = this.outgoingShift(group, actor, request.shiftStartsAt, now);
      if (shift.leadId !== actor.userId && actor.role !== 'duty_officer') throw new ForbiddenError('handover.create: only the shift lead or a duty officer');
      const next = this.nextShift(group, shift);
      const sheet = await buildHandoverSheet(em, group, shift, next, now);
      const inserted = await em.getRepository(ShiftHandoverEntity).save({
        groupId,
        shiftStartsAt: new Date(shift.startsAt),
        shiftEndsAt: new Date(shift.endsAt),
        outgoingLeadId: actor.userId,
        incomingLeadId: next?.leadId ?? null,
        sheet: sheet as unknown as Record<string, unknown>,
        notes: request.notes,
      });
      const dto = toShiftHandoverDto(await em.getRepository(ShiftHandoverEntity).findOneByOrFail({ id: inserted.id }));
      await this.audit.record(
        { action: 'handover.create', entityType: 'shift_handover', entityId: dto.id, after: { groupId, shiftStartsAt: dto.shiftStartsAt, incomingLeadId: dto.incomingLeadId, notes: dto.notes } },
        em,
      );
      return dto;
    });
  }

  /** The incoming lead confirms they took the shift over (a duty officer when the next shift has no lead). */
  async acknowledge(actor: Actor, handoverId: string, now: Date): Promise<ShiftHandoverDto> {
    return this.dataSource.transaction(async (em) => {
      const handover = await em
        .getRepository(ShiftHandoverEntity)
        .createQueryBuilder('handover')
        .setLock('pessimistic_write')
        .where('handover.id = :id', { id: handoverId })
        .getOne();
      if (!handover) throw new NotFoundError('shift_handover', handoverId);
      await this.readableGroup(em, actor, handover.groupId).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new NotFoundError('shift_handover', handoverId) : error;
      });
      const allowed = handover.incomingLeadId === null ? actor.role === 'duty_officer' : handover.incomingLeadId === actor.userId;
      if (!allowed) throw new ForbiddenError('handover.acknowledge: only the incoming shift lead');
      if (handover.acknowledgedAt !== null) throw new ConflictError('already_acknowledged', 'this handover was already acknowledged');
      await em.getRepository(ShiftHandoverEntity).update({ id: handoverId }, { acknowledgedAt: now, acknowledgedBy: actor.userId });
      const dto = toShiftHandoverDto(await em.getRepository(ShiftHandoverEntity).findOneByOrFail({ id: handoverId }));
      await this.audit.record(
        { action: 'handover.acknowledge', entityType: 'shift_handover', entityId: handoverId, after: { acknowledgedAt: dto.acknowledgedAt, acknowledgedBy: dto.acknowledgedBy } },
        em,
      );
      return dto;
    });
  }

  /** A group whose handovers the actor may read, or not found (as if it did not exist). */
  private async readableGroup(em: EntityManager, actor: Actor, groupId: string): Promise<OnDutyGroupDto> {
    const group = await em.getRepository(OnDutyGroupEntity).findOneBy({ id: groupId });
    if (!group || !handoversReadable(group, actor.scope, await visibleClusterIds(em, actor.scope))) throw new NotFoundError('on_duty_group', groupId);
    return toOnDutyGroupDto(group);
  }

  /**
   * The shift being handed over: the one starting at `startsAt` within the last day, or the one covering
   * now (the caller's own if several overlap).
   */
  private outgoingShift(group: OnDutyGroupDto, actor: Actor, startsAt: string | undefined, now: Date): ShiftOccurrenceDto {
    const from = new Date(now.getTime() - HANDOVER_LIMITS.lookBackHours * HOUR_MS);
    const shifts = this.rosters.occurrences(group, from, new Date(now.getTime() + 1));
    const candidates =
      startsAt !== undefined
        ? shifts.filter((shift) => Date.parse(shift.startsAt) === Date.parse(startsAt) && Date.parse(shift.startsAt) <= now.getTime())
        : shifts.filter((shift) => Date.parse(shift.startsAt) <= now.getTime() && now.getTime() < Date.parse(shift.endsAt));
    const shift = candidates.find((candidate) => candidate.leadId === actor.userId) ?? candidates[0];
    if (!shift) throw new InvalidInputError([{ field: 'shiftStartsAt', code: 'no_such_record' }]);
    return shift;
  }

  /** The next occurrence: the first shift starting after this one and running past its end. */
  private nextShift(group: OnDutyGroupDto, shift: ShiftOccurrenceDto): ShiftOccurrenceDto | null {
    const end = Date.parse(shift.endsAt);
    return (
      this.rosters
        .occurrences(group, new Date(end), new Date(end + NEXT_SHIFT_SEARCH_MS))
        .find((candidate) => Date.parse(candidate.startsAt) > Date.parse(shift.startsAt) && Date.parse(candidate.endsAt) > end) ?? null
    );
  }
}
