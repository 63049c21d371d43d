import type { TransformFnParams } from 'class-transformer';

/** Trims strings and leaves anything else for the validators to refuse. */
export function trimmed({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
