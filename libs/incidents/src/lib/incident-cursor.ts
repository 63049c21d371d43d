import type { IncidentListSort } from '@netduty/contracts';
import { ApplicationError } from '@netduty/platform-errors';

/** A cursor that this server did not make, or made for another order. */
export class InvalidCursorError extends ApplicationError {
  readonly code = 'invalid_cursor';
  constructor(readonly problem: string) {
    super(`cursor: ${problem}`);
  }
}

/** The sort key of the last row of a page; the next page starts strictly after it. */
export type IncidentCursor =
  | { sort: 'urgency'; asOf: string; breachedRank: number; clockRank: number; p0Rank: number; severityRank: number; dueAt: string; id: string }
  | { sort: 'recent'; reportedAt: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PostgreSQL's text form of a timestamptz (as the page query selects it), or infinity. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return false;
  const iso = value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return !Number.isNaN(Date.parse(iso));
}

/** Opaque to clients: base64url of the key, so nobody builds one by hand and the format may change. */
export function encodeIncidentCursor(cursor: IncidentCursor): string {
  const key =
    cursor.sort === 'urgency'
      ? ['u2', cursor.asOf, cursor.breachedRank, cursor.clockRank, cursor.p0Rank, cursor.severityRank, cursor.dueAt, cursor.id]
      : ['r', cursor.reportedAt, cursor.id];
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeIncidentCursor(text: string, sort: IncidentListSort): IncidentCursor {
  let key: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('is not a cursor this server made');
  }
  if (!Array.isArray(key)) throw new InvalidCursorError('is not a cursor this server made');
  const [kind, ...rest] = key as unknown[];
  // 'u2': the order with breached, clock and P0 first (a cursor of the older 'u' order is refused).
  const expected = sort === 'urgency' ? 'u2' : 'r';
  if (kind !== expected) throw new InvalidCursorError(`was made for another sort than ${sort}`);
  if (sort === 'urgency') {
    const [asOf, breachedRank, clockRank, p0Rank, severityRank, dueAt, id] = rest;
    const flag = (value: unknown): value is number => value === 0 || value === 1;
    if (
      rest.length === 7 &&
      typeof asOf === 'string' &&
      !Number.isNaN(Date.parse(asOf)) &&
      flag(breachedRank) &&
      flag(clockRank) &&
      flag(p0Rank) &&
      Number.isInteger(severityRank) &&
      (severityRank as number) >= 0 &&
      (severityRank as number) <= 3 &&
      (dueAt === 'infinity' || isTimestamp(dueAt)) &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { sort, asOf, breachedRank, clockRank, p0Rank, severityRank: severityRank as number, dueAt: dueAt as string, id };
    }
  } else {
    const [reportedAt, id] = rest;
    if (rest.length === 2 && isTimestamp(reportedAt) && typeof id === 'string' && UUID.test(id)) {
      return { sort, reportedAt, id };
    }
  }
  throw new InvalidCursorError('is not a cursor this server made');
}
