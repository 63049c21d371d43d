import type { FieldProblem, SaveNotificationGatewayRequest } from '@netduty/contracts';
import { NOTIFICATION_GATEWAY_METHODS } from '@netduty/contracts';
import { BODY_TEMPLATE_PLACEHOLDERS, renderBodyTemplate, unknownPlaceholders } from '../channels/body-template';

export const GATEWAY_NAME_MAX = 100;
export const GATEWAY_RATE_MAX = 1000;
export const WEBHOOK_SECRET_MIN = 16;
/** Headers the channel sets itself; a gateway may not override them. */
const RESERVED_HEADERS = new Set(['idempotency-key', 'content-length', 'host', 'transfer-encoding', 'connection']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function sampleValues(): Record<(typeof BODY_TEMPLATE_PLACEHOLDERS)[number], string> {
  return { address: '0912345678', text: 'NetDuty "test"\n', deliveryId: '00000000-0000-4000-8000-000000000000', ackCode: '123456', ackUrl: 'https://example.invalid/a?t=1', incidentReference: 'SC-1' };
}

/**
 * What is wrong with a gateway as it would be stored (the request merged over the current row), each
 * problem naming its field. Empty when it can be saved. Pure, so the api and tests share it.
 */
export function gatewayProblems(gateway: SaveNotificationGatewayRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = gateway.name?.trim() ?? '';
  if (!name) problems.push({ field: 'name', code: 'required' });
  else if (name.length > GATEWAY_NAME_MAX) problems.push({ field: 'name', code: 'too_long', params: { max: GATEWAY_NAME_MAX } });
  const rate = gateway.rateLimitPerSecond;
  if (rate !== undefined) {
    if (!Number.isInteger(rate)) problems.push({ field: 'rateLimitPerSecond', code: 'not_an_integer' });
    else if (rate < 1) problems.push({ field: 'rateLimitPerSecond', code: 'too_small', params: { min: 1 } });
    else if (rate > GATEWAY_RATE_MAX) problems.push({ field: 'rateLimitPerSecond', code: 'too_large', params: { max: GATEWAY_RATE_MAX } });
  }
  if (gateway.webhookSecret && gateway.webhookSecret.length < WEBHOOK_SECRET_MIN) {
    problems.push({ field: 'webhookSecret', code: 'too_short', params: { min: WEBHOOK_SECRET_MIN } });
  }

  if (gateway.kind === 'email') {
    if (!gateway.smtpHost) problems.push({ field: 'smtpHost', code: 'required' });
    if (gateway.smtpPort === undefined || gateway.smtpPort === null) problems.push({ field: 'smtpPort', code: 'required' });
    else if (!Number.isInteger(gateway.smtpPort) || gateway.smtpPort < 1 || gateway.smtpPort > 65535) problems.push({ field: 'smtpPort', code: 'invalid_format' });
    if (!gateway.fromAddress) problems.push({ field: 'fromAddress', code: 'required' });
    else if (!EMAIL.test(gateway.fromAddress)) problems.push({ field: 'fromAddress', code: 'not_an_email' });
    return problems;
  }

  if (!gateway.url) problems.push({ field: 'url', code: 'required' });
  else {
    let protocol = '';
    try {
      protocol = new URL(gateway.url).protocol;
    } catch {
      protocol = '';
    }
    if (protocol !== 'https:' && protocol !== 'http:') problems.push({ field: 'url', code: 'invalid_format' });
  }
  if (gateway.method !== undefined && !NOTIFICATION_GATEWAY_METHODS.includes(gateway.method)) {
    problems.push({ field: 'method', code: 'not_one_of', params: { allowed: NOTIFICATION_GATEWAY_METHODS } });
  }
  for (const [header, value] of Object.entries(gateway.headers ?? {})) {
    if (!HEADER_NAME.test(header) || RESERVED_HEADERS.has(header.toLowerCase())) problems.push({ field: `headers.${header}`, code: 'invalid_format' });
    else if (typeof value !== 'string' || /[\r\n]/.test(value)) problems.push({ field: `headers.${header}`, code: 'not_a_string' });
  }
  if (!gateway.bodyTemplate) problems.push({ field: 'bodyTemplate', code: 'required' });
  else {
    const unknown = unknownPlaceholders(gateway.bodyTemplate);
    if (unknown.length > 0) {
      problems.push({ field: 'bodyTemplate', code: 'not_one_of', params: { allowed: BODY_TEMPLATE_PLACEHOLDERS, given: unknown } });
    } else {
      try {
        JSON.parse(renderBodyTemplate(gateway.bodyTemplate, sampleValues()));
      } catch {
        problems.push({ field: 'bodyTemplate', code: 'invalid_format' });
      }
    }
  }
  return problems;
}
