import { Injectable } from '@nestjs/common';
import type { AcceptDueJob, DeadlineDueJob } from '@netduty/contracts';
import { EventPeriodsService } from '@netduty/event-periods';
import { EscalationChainService, type AcceptOutcome, type DeadlineOutcome } from './chain/escalation-chain.service';

export type { AcceptOutcome, DeadlineOutcome };

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

  /** An assignment's accept time may have lapsed; `not_due` gives the policy's accept time. */
  handleAcceptDue(job: AcceptDueJob): Promise<{ outcome: AcceptOutcome; notBefore?: Date }> {
    return this.chain.handleAcceptDue(job);
  }

  /**
   * The sweep: switches event periods whose time has come (tightening live deadlines), then re-enqueues
   * the next step of every running chain whose job is missing — lost by Redis, or dropped by a tightening —
   * and the accept deadline of every assignment still waiting to be accepted.
   * Returns how many steps it enqueued.
   */
  async reconcile(): Promise<number> {
    await this.eventPeriods.switchDue();
    return this.chain.reconcile();
  }
}
