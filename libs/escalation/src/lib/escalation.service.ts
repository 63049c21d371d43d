import { Injectable } from '@nestjs/common';
import type { DeadlineDueJob } from '@netduty/contracts';
import { EventPeriodsService } from '@netduty/event-periods';
import { EscalationChainService, type DeadlineOutcome } from './chain/escalation-chain.service';

export type { DeadlineOutcome };

/**
 * What the worker's processors call: a deadline step is due, or the reconciliation sweep runs. The
 * chain itself (policies, recipients, notifications) is EscalationChainService's.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly chain: EscalationChainService,
    private readonly eventPeriods: EventPeriodsService,
  ) {}

  /** Returns what happened; for `not_due`, the time the job must run again (the processor delays it). */
  handleDeadlineDue(job: DeadlineDueJob): Promise<{ outcome: DeadlineOutcome; notBefore?: Date }> {
    return this.chain.handleDeadlineDue(job);
  }

  /**
   * The sweep: switches event periods whose time has come (tightening live deadlines), then re-enqueues
   * the next step of every running chain whose job is missing — lost by Redis, or dropped by a tightening.
   * Returns how many steps it enqueued.
   */
  async reconcile(): Promise<number> {
    await this.eventPeriods.switchDue();
    return this.chain.reconcile();
  }
}
