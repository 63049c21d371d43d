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
  | { sort: 'urgency'; dueAt: string; severityRank: number; id: string }
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
  const key = cursor.sort === 'urgency' ? ['u', cursor.dueAt, cursor.severityRank, cursor.id] : ['r', cursor.reportedAt, cursor.id];
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
  const expected = sort === 'urgency' ? 'u' : 'r';
  if (kind !== expected) throw new InvalidCursorError(`was made for another sort than ${sort}`);
  if (sort === 'urgency') {
    const [dueAt, severityRank, id] = rest;
    if (
      rest.length === 3 &&
      (dueAt === 'infinity' || isTimestamp(dueAt)) &&
      Number.isInteger(severityRank) &&
      (severityRank as number) >= 0 &&
      (severityRank as number) <= 3 &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { sort, dueAt: dueAt as string, severityRank: severityRank as number, id };
    }
  } else {
    const [reportedAt, id] = rest;
    if (rest.length === 2 && isTimestamp(reportedAt) && typeof id === 'string' && UUID.test(id)) {
      return { sort, reportedAt, id };
    }
  }
  throw new InvalidCursorError('is not a cursor this server made');
}
