import { decideDispatchStep, nextDispatchSteps, type GeneratorDispatchProgress } from './generator-dispatch';

const now = new Date('2026-12-10T03:00:00Z');
const earlier = new Date('2026-12-10T02:40:00Z');
const assigned: GeneratorDispatchProgress = { status: 'assigned', departedAt: null, arrivedAt: null, runningAt: null, stoppedAt: null };
const departed: GeneratorDispatchProgress = { ...assigned, status: 'departed', departedAt: earlier };
const arrived: GeneratorDispatchProgress = { ...departed, status: 'arrived', arrivedAt: earlier };
const running: GeneratorDispatchProgress = { ...arrived, status: 'running', runningAt: earlier };

describe('the generator dispatch', () => {
  it('goes depart, arrive, run, stop, moving the status and stamping each step at now', () => {
    expect(decideDispatchStep(assigned, 'depart', now)).toEqual({ kind: 'record', status: 'departed', changes: { departedAt: now } });
    expect(decideDispatchStep(departed, 'arrive', now)).toEqual({ kind: 'record', status: 'arrived', changes: { arrivedAt: now } });
    expect(decideDispatchStep(arrived, 'run', now)).toEqual({ kind: 'record', status: 'running', changes: { runningAt: now } });
    expect(decideDispatchStep(running, 'stop', now)).toEqual({ kind: 'record', status: 'stopped', changes: { stoppedAt: now } });
  });

  it('refuses a step taken before the one it follows, naming what may be taken now', () => {
    expect(decideDispatchStep(assigned, 'arrive', now)).toEqual({ kind: 'out_of_order', expected: ['depart', 'stop'] });
    expect(decideDispatchStep(assigned, 'run', now)).toEqual({ kind: 'out_of_order', expected: ['depart', 'stop'] });
    expect(decideDispatchStep(departed, 'run', now)).toEqual({ kind: 'out_of_order', expected: ['arrive', 'stop'] });
  });

  it('lets the team stand down at any step before the generator runs (mains came back first)', () => {
    expect(decideDispatchStep(assigned, 'stop', now)).toEqual({ kind: 'record', status: 'stopped', changes: { stoppedAt: now } });
    expect(decideDispatchStep(departed, 'stop', now)).toMatchObject({ kind: 'record', status: 'stopped' });
  });

  it('answers a repeated step as already taken, even once the dispatch is over', () => {
    expect(decideDispatchStep(departed, 'depart', now)).toEqual({ kind: 'already_taken' });
    expect(decideDispatchStep(running, 'arrive', now)).toEqual({ kind: 'already_taken' });
    expect(decideDispatchStep({ ...running, status: 'stopped', stoppedAt: earlier }, 'stop', now)).toEqual({ kind: 'already_taken' });
  });

  it('refuses a step never taken once the dispatch is stopped', () => {
    expect(decideDispatchStep({ ...assigned, status: 'stopped', stoppedAt: earlier }, 'depart', now)).toEqual({ kind: 'finished' });
  });

  it('offers the next step in order and stop, and nothing once stopped', () => {
    expect(nextDispatchSteps('assigned')).toEqual(['depart', 'stop']);
    expect(nextDispatchSteps('departed')).toEqual(['arrive', 'stop']);
    expect(nextDispatchSteps('arrived')).toEqual(['run', 'stop']);
    expect(nextDispatchSteps('running')).toEqual(['stop']);
    expect(nextDispatchSteps('stopped')).toEqual([]);
  });
});
