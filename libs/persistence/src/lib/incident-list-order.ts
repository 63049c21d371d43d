/**
 * The board's keyset, as SQL over an incidents alias. These are the expressions of the
 * `incidents_board_order` index (migration IncidentListOrder1763791200000), so a query ordering or
 * comparing by them reads the index in order; change one only together with a new migration.
 *
 * They are the domain's urgency order (`compareByUrgency` with `nextDeadline`): the next deadline
 * ascending — which puts every breached incident first, most overdue at the top, at any instant —
 * no running clock (resolved) as infinity, then the severity's rank, then the id for a total order.
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
