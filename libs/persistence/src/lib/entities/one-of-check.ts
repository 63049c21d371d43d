/**
 * The expression of a CHECK that limits a text column to an enumeration from contracts. Entities
 * describe today's intent; the migrations hold the literal history, and the schema test compares them.
 */
export function oneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
