import type { GeneratorDispatchStatus, GeneratorDispatchStep } from '@netduty/contracts';
import { GENERATOR_DISPATCH_STEPS } from '@netduty/contracts';

/** When a generator dispatch reached each step; null until reached. */
export interface GeneratorDispatchProgress {
  status: GeneratorDispatchStatus;
  departedAt: Date | null;
  arrivedAt: Date | null;
  runningAt: Date | null;
  stoppedAt: Date | null;
}

type StepField = Exclude<keyof GeneratorDispatchProgress, 'status'>;

/** The status each step moves a dispatch to, and the time it stamps. */
export const DISPATCH_STEP_STATUS: Readonly<Record<GeneratorDispatchStep, Exclude<GeneratorDispatchStatus, 'assigned'>>> = {
  depart: 'departed',
  arrive: 'arrived',
  run: 'running',
  stop: 'stopped',
};

export const DISPATCH_STEP_FIELD: Readonly<Record<GeneratorDispatchStep, StepField>> = {
  depart: 'departedAt',
  arrive: 'arrivedAt',
  run: 'runningAt',
  stop: 'stoppedAt',
};

/** The step that follows each status in the ordinary course (stop may also come at any point before). */
const NEXT_IN_ORDER: Readonly<Record<GeneratorDispatchStatus, GeneratorDispatchStep | null>> = {
  assigned: 'depart',
  departed: 'arrive',
  arrived: 'run',
  running: 'stop',
  stopped: null,
};

export type DispatchStepDecision =
  | { kind: 'record'; status: GeneratorDispatchStatus; changes: Partial<Record<StepField, Date>> }
  /** The step was already taken: a repeat changes nothing (a retried tap answers as the first did). */
  | { kind: 'already_taken' }
  /** A step taken before the one it follows; `expected` lists what may be taken now. */
  | { kind: 'out_of_order'; expected: GeneratorDispatchStep[] }
  /** The dispatch is over (stopped): nothing more can happen to it. */
  | { kind: 'finished' };

/**
 * The steps a dispatch may take now, in order: the next one of depart → arrive → run, and stop, which
 * ends it from any step (the generator is switched off, or the team stands down because mains came back
 * before it arrived). Nothing once stopped.
 */
export function nextDispatchSteps(status: GeneratorDispatchStatus): GeneratorDispatchStep[] {
  if (status === 'stopped') return [];
  const next = NEXT_IN_ORDER[status];
  return GENERATOR_DISPATCH_STEPS.filter((step) => step === next || step === 'stop');
}

/**
 * Whether `step` may be taken now. Steps go in order, each once; a step already taken is idempotent, and
 * one taken before its predecessor (arrive before depart, run before arrive) is refused. Pure: the caller
 * stamps the change in one transaction.
 */
export function decideDispatchStep(progress: GeneratorDispatchProgress, step: GeneratorDispatchStep, now: Date): DispatchStepDecision {
  if (progress[DISPATCH_STEP_FIELD[step]] !== null) return { kind: 'already_taken' };
  if (progress.status === 'stopped') return { kind: 'finished' };
  const allowed = nextDispatchSteps(progress.status);
  if (!allowed.includes(step)) return { kind: 'out_of_order', expected: allowed };
  return { kind: 'record', status: DISPATCH_STEP_STATUS[step], changes: { [DISPATCH_STEP_FIELD[step]]: now } };
}
