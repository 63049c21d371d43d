import type { IncidentDto } from '@netduty/contracts';

export interface BulkTarget {
  id: string;
  reference: string;
}

export type BulkOutcome =
  | { target: BulkTarget; ok: true; incident: IncidentDto }
  | { target: BulkTarget; ok: false; error: unknown };

/** 8–128 visible ASCII characters, as the api's Idempotency-Key rule asks; works outside secure contexts too. */
export function newIdempotencyKey(fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes);
  return `ack-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Remembers one key per incident until it is acknowledged, so a retry of a failed (or timed-out)
 * acknowledgement sends the same key and the api can recognise the repeat.
 */
export class IdempotencyKeys {
  private readonly keys = new Map<string, string>();

  constructor(private readonly generate: () => string = () => newIdempotencyKey()) {}

  keyFor(incidentId: string): string {
    let key = this.keys.get(incidentId);
    if (!key) {
      key = this.generate();
      this.keys.set(incidentId, key);
    }
    return key;
  }

  forget(incidentId: string): void {
    this.keys.delete(incidentId);
  }
}

/**
 * Acknowledges each target through the per-incident endpoint, a few at a time, and reports every
 * outcome: one incident's refusal (someone acknowledged it first, it left the user's scope) never
 * stops the others. Outcomes come back in the targets' order.
 */
export async function acknowledgeEach(
  targets: readonly BulkTarget[],
  acknowledge: (target: BulkTarget) => Promise<IncidentDto>,
  options: { concurrency?: number; onSettled?: (outcome: BulkOutcome, settled: number) => void } = {},
): Promise<BulkOutcome[]> {
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const outcomes: BulkOutcome[] = new Array<BulkOutcome>(targets.length);
  let next = 0;
  let settled = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index] as BulkTarget;
      let outcome: BulkOutcome;
      try {
        outcome = { target, ok: true, incident: await acknowledge(target) };
      } catch (error) {
        outcome = { target, ok: false, error };
      }
      outcomes[index] = outcome;
      settled += 1;
      options.onSettled?.(outcome, settled);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return outcomes;
}
