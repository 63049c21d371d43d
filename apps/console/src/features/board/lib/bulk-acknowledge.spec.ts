import { incidentFixture } from '../../../testing/incident-fixture';
import { acknowledgeEach, IdempotencyKeys, newIdempotencyKey, type BulkTarget } from './bulk-acknowledge';

const targets: BulkTarget[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, reference: `SC-${id}` }));

describe('bulk acknowledge', () => {
  it('acknowledges each one and reports a refusal per row without stopping the others', async () => {
    const sent: string[] = [];
    const outcomes = await acknowledgeEach(targets, async (target) => {
      sent.push(target.id);
      if (target.id === 'b') throw new Error('already acknowledged');
      return incidentFixture({ id: target.id, status: 'acknowledged' });
    });
    expect(sent.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(outcomes.map((outcome) => [outcome.target.id, outcome.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', true],
    ]);
  });

  it('keeps at most `concurrency` requests in flight and counts each settled one', async () => {
    let inFlight = 0;
    let peak = 0;
    const settled: number[] = [];
    await acknowledgeEach(
      targets,
      async (target) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await Promise.resolve();
        inFlight -= 1;
        return incidentFixture({ id: target.id });
      },
      { concurrency: 2, onSettled: (_outcome, count) => settled.push(count) },
    );
    expect(peak).toBe(2);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('gives each incident its own key and the same one again on a retry, until it is forgotten', () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `key-${++n}`);
    expect(keys.keyFor('a')).toBe('key-1');
    expect(keys.keyFor('b')).toBe('key-2');
    expect(keys.keyFor('a')).toBe('key-1');
    keys.forget('a');
    expect(keys.keyFor('a')).toBe('key-3');
  });

  it('makes keys the api accepts (8–128 visible ASCII characters)', () => {
    const key = newIdempotencyKey((bytes) => void bytes.fill(171));
    expect(key).toBe(`ack-${'ab'.repeat(16)}`);
    expect(key).toMatch(/^[\x21-\x7e]{8,128}$/);
  });
});
