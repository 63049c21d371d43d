/**
 * The board's keyset, as SQL over an incidents alias: the domain's urgency order (`urgencyKey` with
 * `nextDeadline`) as of an instant — breached first, then a running clock, then P0, then the severity's
 * rank, then the time left (the next deadline ascending: most overdue first among the breached), then the
 * id for a total order. The deadline expression is the `incidents_board_order` index's, which still
 * narrows the board to its open rows; the first keys depend on the instant, so a page is sorted from the
 * (few thousand) open rows rather than read off the index.
 */
export function boardDueSql(alias: string): string {
  return `(CASE WHEN ${alias}.status = 'reported' THEN ${alias}.ack_due_at WHEN ${alias}.status IN ('resolved', 'closed') THEN 'infinity'::timestamptz ELSE ${alias}.restore_due_at END)`;
}

export function boardSeverityRankSql(alias: string): string {
  return `(CASE ${alias}.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END)`;
}

/** The partial index covers only these rows; the board's default list is exactly them. */
export function openIncidentSql(alias: string): string {
  return `${alias}.status <> 'closed'`;
}

/** 0 when the next deadline has passed at `:asOf` (the parameter the query binds), else 1. */
export function boardBreachedRankSql(alias: string, asOfParameter = 'asOf'): string {
  return `(CASE WHEN ${boardDueSql(alias)} <= :${asOfParameter}::timestamptz THEN 0 ELSE 1 END)`;
}

/** 0 while a clock runs, 1 for none (resolved): they sink below every running one. */
export function boardClockRankSql(alias: string): string {
  return `(CASE WHEN ${alias}.status IN ('resolved', 'closed') THEN 1 ELSE 0 END)`;
}

export function boardP0RankSql(alias: string): string {
  return `(CASE WHEN ${alias}.priority = 'P0' THEN 0 ELSE 1 END)`;
}
