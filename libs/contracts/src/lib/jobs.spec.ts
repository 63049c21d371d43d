import { deadlineJobId, SLA_JOB_NAMES } from './jobs';

describe('SLA job contract', () => {
  const job = { incidentId: '7b0c2c1e-0000-4000-8000-000000000001', kind: 'acknowledge' as const, cycle: 1, level: 1 };

  it('gives the same deadline the same job id, so retries and sweeps never double it', () => {
    expect(deadlineJobId(job)).toBe(deadlineJobId({ ...job }));
    expect(deadlineJobId(job)).toBe('incident-7b0c2c1e-0000-4000-8000-000000000001-acknowledge-c1-l1');
  });

  it('gives every kind, cycle and level its own id', () => {
    const ids = new Set([
      deadlineJobId(job),
      deadlineJobId({ ...job, kind: 'restore' }),
      deadlineJobId({ ...job, cycle: 2 }),
      deadlineJobId({ ...job, level: 2 }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('uses ids BullMQ accepts (no colon, which BullMQ reserves)', () => {
    expect(deadlineJobId(job)).not.toContain(':');
  });

  it('names each job once', () => {
    expect(new Set(SLA_JOB_NAMES).size).toBe(SLA_JOB_NAMES.length);
  });
});
