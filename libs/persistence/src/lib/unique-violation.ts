/**
 * The request field behind each unique constraint, so a second record with the same value is answered
 * "already exists" naming the field, however it got past the use case's own check (two requests at once).
 */
export const IDEMPOTENCY_KEY_FIELD = 'Idempotency-Key';

const UNIQUE_CONSTRAINT_FIELDS: Record<string, string> = {
  incidents_idempotency_once: IDEMPOTENCY_KEY_FIELD,
  users_username_key: 'username',
  sites_code_key: 'code',
  clusters_operator_code_name_key: 'name',
  operators_pkey: 'code',
};

interface PostgresError {
  code?: string;
  constraint?: string;
  detail?: string;
}

function driverError(error: unknown): PostgresError | null {
  if (typeof error !== 'object' || error === null) return null;
  const wrapped = (error as { driverError?: unknown }).driverError;
  return (typeof wrapped === 'object' && wrapped !== null ? wrapped : error) as PostgresError;
}

/** The named field of a unique-key violation (SQLSTATE 23505), or null for any other error. */
export function uniqueViolationField(error: unknown): string | null {
  const pg = driverError(error);
  if (pg?.code !== '23505') return null;
  const known = pg.constraint ? UNIQUE_CONSTRAINT_FIELDS[pg.constraint] : undefined;
  if (known) return known;
  // Otherwise the last column of "Key (a, b)=(…) already exists", in the API's camelCase.
  const columns = /^Key \(([^)]+)\)=/.exec(pg.detail ?? '')?.[1]?.split(',') ?? [];
  const column = columns[columns.length - 1]?.trim().replace(/^"|"$/g, '');
  return column ? column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()) : 'value';
}
