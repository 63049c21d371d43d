/**
 * User text inside a LIKE/ILIKE pattern, matched literally: `%`, `_` and `\` are escaped (backslash is
 * PostgreSQL's default LIKE escape), so `%` searches for a percent sign rather than matching every row.
 * Every LIKE in the code builds its pattern through this.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A pattern matching values that contain `text`. */
export function likeContaining(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A pattern matching values that start with `text`. */
export function likeStartingWith(text: string): string {
  return `${escapeLike(text)}%`;
}
