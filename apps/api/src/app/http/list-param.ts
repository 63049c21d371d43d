import type { TransformFnParams } from 'class-transformer';

/** `?status=a,b` and `?status=a&status=b` both become ['a', 'b']. */
export function commaList({ value }: TransformFnParams): unknown {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part: unknown) =>
    typeof part === 'string' ? part.split(',') : [part],
  );
  return parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '');
}

/** 'true'/'false' query strings to booleans; anything else is left for IsBoolean to refuse. */
export function booleanParam({ value }: TransformFnParams): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
