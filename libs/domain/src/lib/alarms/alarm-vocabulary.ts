/**
 * The alarm's own vocabulary (TMF642 states, X.733 perceived severities) and the upstream kinds that
 * correlation groups by are wire values, so they are defined once in the contracts. They are re-exported
 * here only so that a caller of the alarm rules finds them beside the rules.
 */
export { ALARM_STATES, PERCEIVED_SEVERITIES, UPSTREAM_KINDS } from '@netduty/contracts';
export type { AlarmState, PerceivedSeverity, UpstreamKind } from '@netduty/contracts';
