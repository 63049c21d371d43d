import type { FieldProblem } from '@netduty/contracts';
import { InvalidInputError } from '@netduty/platform-errors';

/** TMF630 paging bounds shared by the TMF list routes. */
export const TMF_LIST_LIMITS = { defaultLimit: 100, maxLimit: 1_000, maxOffset: 1_000_000, maxValueLength: 200 } as const;

/**
 * A TMF630 query string read once: every parameter known and given once as a bounded string, or a
 * problem naming it (an unknown parameter is refused, never ignored). Collects problems for the caller.
 */
export class TmfQueryReader {
  readonly problems: FieldProblem[] = [];
  private readonly values = new Map<string, string>();

  constructor(raw: Record<string, unknown>, known: ReadonlySet<string>) {
    for (const [name, value] of Object.entries(raw)) {
      if (!known.has(name)) this.problems.push({ field: name, code: 'unknown_field' });
      else if (typeof value !== 'string') this.problems.push({ field: name, code: 'not_a_string' });
      else if (value.length > TMF_LIST_LIMITS.maxValueLength) this.problems.push({ field: name, code: 'too_long', params: { max: TMF_LIST_LIMITS.maxValueLength } });
      else this.values.set(name, value);
    }
  }

  text(name: string): string | null {
    return this.values.get(name) ?? null;
  }

  integer(field: string, fallback: number, min: number, max: number): number {
    const value = this.values.get(field);
    if (value === undefined) return fallback;
    if (!/^\d{1,9}$/.test(value)) {
      this.problems.push({ field, code: 'not_an_integer' });
      return fallback;
    }
    const number = Number(value);
    if (number < min) this.problems.push({ field, code: 'too_small', params: { min } });
    if (number > max) this.problems.push({ field, code: 'too_large', params: { max } });
    return number;
  }

  /** Comma-separated alternatives (TMF630: `state=raised,updated` is either). */
  oneOfList<T extends string>(field: string, allowed: readonly T[]): T[] | null {
    const value = this.values.get(field);
    if (value === undefined) return null;
    const values = value.split(',').map((item) => item.trim());
    if (values.some((item) => !(allowed as readonly string[]).includes(item))) {
      this.problems.push({ field, code: 'not_one_of', params: { allowed } });
      return null;
    }
    return values as T[];
  }

  instant(field: string): Date | null {
    const value = this.values.get(field);
    if (value === undefined) return null;
    const at = new Date(value);
    if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      this.problems.push({ field, code: 'not_a_date' });
      return null;
    }
    return at;
  }

  /** `fields=state,severity`: the attributes to answer with, or null for all. */
  fields(): string[] | null {
    const value = this.values.get('fields');
    return value === undefined ? null : value.split(',').map((field) => field.trim()).filter(Boolean);
  }

  offset(): number {
    return this.integer('offset', 0, 0, TMF_LIST_LIMITS.maxOffset);
  }

  limit(): number {
    return this.integer('limit', TMF_LIST_LIMITS.defaultLimit, 1, TMF_LIST_LIMITS.maxLimit);
  }

  /** Hands back what was read, or refuses the query (400) naming every parameter at fault. */
  done<T>(read: T): T {
    if (this.problems.length > 0) throw new InvalidInputError(this.problems);
    return read;
  }
}

/** Attributes every selection keeps (TMF630: a resource is always identified). */
const ALWAYS_SELECTED = ['id', 'href', '@type'];

/** `fields=state,perceivedSeverity`: only those attributes, with the resource's identity. */
export function selectFields(resource: object, fields: readonly string[] | null): Record<string, unknown> {
  if (!fields) return resource as Record<string, unknown>;
  const wanted = new Set([...ALWAYS_SELECTED, ...fields]);
  return Object.fromEntries(Object.entries(resource).filter(([name]) => wanted.has(name)));
}

/** GET /{resource}/{id}: only `fields` may be asked for. */
export function singleResourceFields(query: Record<string, unknown>): string[] | null {
  const reader = new TmfQueryReader(query, new Set(['fields']));
  return reader.done(reader.fields());
}
