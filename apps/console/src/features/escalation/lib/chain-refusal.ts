import type { ApiErrorBody } from '@netduty/contracts';

/** Why the api refused to move a chain (409 conflict, details.reason); the console words each one. */
export const CHAIN_REFUSAL_REASONS = [
  'not_above_current',
  'not_below_current',
  'no_such_level',
  'nothing_fired',
  'no_round_left',
  'no_running_deadline',
  'no_policy',
] as const;
export type ChainRefusalReason = (typeof CHAIN_REFUSAL_REASONS)[number];

function isChainRefusalReason(value: unknown): value is ChainRefusalReason {
  return typeof value === 'string' && (CHAIN_REFUSAL_REASONS as readonly string[]).includes(value);
}

/** The reason when an error body is the api's 409 for a chain change; null for any other failure. */
export function chainRefusalReason(body: Pick<ApiErrorBody, 'statusCode' | 'details'> & { code: string }): ChainRefusalReason | null {
  if (body.statusCode !== 409 || body.code !== 'conflict') return null;
  const reason = body.details?.['reason'];
  return isChainRefusalReason(reason) ? reason : null;
}
