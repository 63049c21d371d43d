import type { ChainState } from '@netduty/contracts';
import { chainPosition, highestFiredStep, nextChainStep, type ChainResume } from './chain-schedule';
import type { EscalationPolicy } from './escalation-policy';

export interface ChainStatus {
  state: ChainState;
  currentLevel: number | null;
  /** The step the chain stands at: the last fired, or the level a de-escalation handed back to; null before the first. */
  currentStep: number | null;
  nextLevel: number | null;
  nextStep: number | null;
  nextDueAt: Date | null;
  /** Whole seconds until nextDueAt, rounded up, 0 when due or late; null when nothing is next. */
  secondsToNext: number | null;
}

/**
 * Where a chain stands at `now`. A stop (acknowledge, resolve) wins over everything; otherwise the chain
 * is waiting until its first step fires, running while a step is left, and exhausted after the last.
 * Overdue steps (a late worker) show 0 seconds rather than a negative countdown.
 */
export function chainStatus(
  policy: EscalationPolicy,
  deadlineDueAt: Date,
  firedSteps: readonly number[],
  stoppedAt: Date | null,
  now: Date,
  resume: ChainResume | null = null,
): ChainStatus {
  const currentStep = chainPosition(policy, firedSteps, resume);
  // chainPosition returns only steps the policy has, so the policy has levels here.
  const currentLevel = currentStep === null ? null : (currentStep % policy.levels.length) + 1;
  const idle = { currentLevel, currentStep, nextLevel: null, nextStep: null, nextDueAt: null, secondsToNext: null };
  if (stoppedAt !== null) return { state: 'stopped', ...idle };
  const next = nextChainStep(policy, deadlineDueAt, firedSteps, resume);
  if (next === null) return { state: 'exhausted', ...idle };
  return {
    state: highestFiredStep(policy, firedSteps) === null ? 'waiting' : 'running',
    currentLevel,
    currentStep,
    nextLevel: next.level,
    nextStep: next.step,
    nextDueAt: next.dueAt,
    secondsToNext: Math.max(0, Math.ceil((next.dueAt.getTime() - now.getTime()) / 1000)),
  };
}

/** "mm:ss" under an hour, "h:mm:ss" from an hour: the console's "next level in …". */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
