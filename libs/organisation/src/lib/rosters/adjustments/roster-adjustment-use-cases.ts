import { Injectable } from '@nestjs/common';
import type { AddShiftOverrideRequest, AddShiftSwapRequest, OnDutyGroupDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { RosterAdjustment } from './roster-adjustment';

/** Someone covers a shift (thay ca): for [startsAt, endsAt) this crew is the group's crew. */
@Injectable()
export class AddShiftOverride extends RosterAdjustment {
  execute({ groupId, override }: { groupId: string; override: AddShiftOverrideRequest }, actor: Actor): Promise<OnDutyGroupDto> {
    return this.add(actor.scope, groupId, 'overrides', override);
  }
}

/** Takes a cover back: the shifts it replaced are the group's again. */
@Injectable()
export class RemoveShiftOverride extends RosterAdjustment {
  execute({ groupId, overrideId }: { groupId: string; overrideId: string }, actor: Actor): Promise<OnDutyGroupDto> {
    return this.remove(actor.scope, groupId, 'overrides', overrideId);
  }
}

/**
 * One person of a rotation's occurrence for another (đổi ca). The outgoing person must be on that
 * occurrence (as earlier swaps left it) and the incoming one not; only the incoming one must be an
 * active account, so a colleague whose account was closed can still be swapped out.
 */
@Injectable()
export class AddShiftSwap extends RosterAdjustment {
  execute({ groupId, swap }: { groupId: string; swap: AddShiftSwapRequest }, actor: Actor): Promise<OnDutyGroupDto> {
    return this.add(actor.scope, groupId, 'swaps', swap);
  }
}

/** Undoes a swap: the outgoing person is back on the occurrence. Refused (409) while a later swap relies on it. */
@Injectable()
export class RemoveShiftSwap extends RosterAdjustment {
  execute({ groupId, swapId }: { groupId: string; swapId: string }, actor: Actor): Promise<OnDutyGroupDto> {
    return this.remove(actor.scope, groupId, 'swaps', swapId);
  }
}
