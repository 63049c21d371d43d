import type { EscalationPolicy } from './escalation-policy';

export interface ChainStep {
  /** 0-based across rounds: round × levels + (level − 1). The key a fired step is stored under. */
  step: number;
  /** 1-based. */
  level: number;
  /** 0 for the first run, 1..repeat for the repeats. */
  round: number;
  dueAt: Date;
}

/**
 * Where a chain continues after a de-escalation: from `step` (inclusive), re-timed from `at`
 * (see deEscalationStep). Steps before it keep the deadline's timing.
 */
export interface ChainResume {
  step: number;
  at: Date;
}

/**
 * The wait before level 1 of a repeated round. Level 1 usually waits 0 after the deadline; repeating it
 * at once after the last level would notify two levels in the same instant, so a repeat waits at least as
 * long as the last level did.
 */
export function repeatWaitSeconds(policy: Pick<EscalationPolicy, 'levels'>): number {
  const first = policy.levels[0];
  const last = policy.levels[policy.levels.length - 1];
  if (!first || !last) return 0;
  return Math.max(first.waitSeconds, last.waitSeconds);
}

/** Level and round of a global step; null when the policy has no such step. */
export function stepPosition(policy: EscalationPolicy, step: number): { level: number; round: number } | null {
  const count = policy.levels.length;
  if (!Number.isInteger(step) || step < 0 || count === 0 || step >= count * (policy.repeat + 1)) return null;
  return { level: (step % count) + 1, round: Math.floor(step / count) };
}

/** The highest fired step the policy has (numbers it does not have are ignored); null when none. */
export function highestFiredStep(policy: EscalationPolicy, firedSteps: readonly number[]): number | null {
  let highest: number | null = null;
  for (const step of firedSteps) {
    if (stepPosition(policy, step) !== null && (highest === null || step > highest)) highest = step;
  }
  return highest;
}

/**
 * The step the chain stands at: the highest fired, or, after a de-escalation that nothing has fired
 * since, the step just before resume.step (the level handed back to). Null before anything fired.
 */
export function chainPosition(policy: EscalationPolicy, firedSteps: readonly number[], resume: ChainResume | null = null): number | null {
  const highest = highestFiredStep(policy, firedSteps);
  const resumed = resume !== null && stepPosition(policy, resume.step - 1) !== null ? resume.step - 1 : null;
  if (highest === null) return resumed;
  return resumed === null ? highest : Math.max(highest, resumed);
}

/**
 * Every step of the chain in order, each due its wait after the one before (level 1 of round 0: after
 * the deadline). With `resume`, the steps from resume.step on are due their waits after resume.at
 * instead. Times are instants plus seconds: no calendar, no time zone.
 */
export function chainSchedule(policy: EscalationPolicy, deadlineDueAt: Date, resume: ChainResume | null = null): ChainStep[] {
  const steps: ChainStep[] = [];
  const count = policy.levels.length;
  let at = deadlineDueAt.getTime();
  const repeatWait = repeatWaitSeconds(policy);
  for (let round = 0; round <= policy.repeat; round++) {
    policy.levels.forEach((spec, index) => {
      const step = round * count + index;
      if (resume !== null && step === resume.step) at = resume.at.getTime();
      at += (index === 0 && round > 0 ? repeatWait : spec.waitSeconds) * 1000;
      steps.push({ step, level: index + 1, round, dueAt: new Date(at) });
    });
  }
  return steps;
}

/**
 * The step to fire next: the first after the highest step fired (a step passed over by a manual
 * escalation is not fired later), and not before resume.step. Null when the chain has no step left.
 */
export function nextChainStep(
  policy: EscalationPolicy,
  deadlineDueAt: Date,
  firedSteps: readonly number[],
  resume: ChainResume | null = null,
): ChainStep | null {
  const highest = highestFiredStep(policy, firedSteps) ?? -1;
  const from = Math.max(highest + 1, resume?.step ?? 0);
  return chainSchedule(policy, deadlineDueAt, resume).find((candidate) => candidate.step >= from) ?? null;
}
