import { stepPosition, type ChainResume } from './chain-schedule';
import type { EscalationPolicy } from './escalation-policy';

export type ManualEscalationRefusal = 'no_such_level' | 'not_above_current' | 'not_below_current' | 'nothing_fired' | 'no_round_left';

export type ManualEscalationResult =
  | { ok: true; step: number; level: number; round: number }
  | { ok: false; reason: ManualEscalationRefusal };

export type DeEscalationResult =
  | { ok: true; resume: ChainResume; level: number; nextStep: number; nextLevel: number }
  | { ok: false; reason: ManualEscalationRefusal };

function isLevel(policy: EscalationPolicy, level: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= policy.levels.length;
}

function positionOf(policy: EscalationPolicy, currentStep: number): { level: number; round: number } {
  const position = stepPosition(policy, currentStep);
  if (position === null) throw new RangeError(`step ${currentStep} is not a step of this policy`);
  return position;
}

/**
 * "Escalate now to level N": the step to fire at once, in the round the chain stands in (round 0 before
 * anything fired). Only upwards: a level at or below the current one is refused. The levels jumped over
 * are not fired later (the chain continues after the highest fired step); the later steps keep their
 * times from the deadline.
 * `currentStep` is chainStatus(...).currentStep.
 */
export function manualEscalationStep(policy: EscalationPolicy, currentStep: number | null, targetLevel: number): ManualEscalationResult {
  if (!isLevel(policy, targetLevel)) return { ok: false, reason: 'no_such_level' };
  const { level, round } = currentStep === null ? { level: 0, round: 0 } : positionOf(policy, currentStep);
  if (targetLevel <= level) return { ok: false, reason: 'not_above_current' };
  return { ok: true, step: round * policy.levels.length + targetLevel - 1, level: targetLevel, round };
}

/**
 * De-escalation: hand the incident back to a lower level at `at`. Fired steps are stored once, so the
 * chain cannot run the same steps again; it continues in the next round instead, from the level above
 * the target, each level its own wait after `at` (level target+1 is due target+1's waitSeconds after
 * `at`). A de-escalation therefore uses one repeat round; with none left it is refused (no_round_left).
 */
export function deEscalationStep(policy: EscalationPolicy, currentStep: number | null, targetLevel: number, at: Date): DeEscalationResult {
  if (!isLevel(policy, targetLevel)) return { ok: false, reason: 'no_such_level' };
  if (currentStep === null) return { ok: false, reason: 'nothing_fired' };
  const { level, round } = positionOf(policy, currentStep);
  if (targetLevel >= level) return { ok: false, reason: 'not_below_current' };
  if (round + 1 > policy.repeat) return { ok: false, reason: 'no_round_left' };
  const nextStep = (round + 1) * policy.levels.length + targetLevel;
  return { ok: true, resume: { step: nextStep, at }, level: targetLevel, nextStep, nextLevel: targetLevel + 1 };
}
