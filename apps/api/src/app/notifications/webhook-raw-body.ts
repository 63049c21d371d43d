import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { raw } from 'body-parser';

/** Webhook bodies are small; the signature is over their exact bytes. */
export const WEBHOOK_BODY_LIMIT = '64kb';

/**
 * Keeps a webhook's exact bytes for its signature: body-parser's raw reader for whatever the api's JSON
 * parser left unread (it reads application/json only), so gateways post with any other type
 * (text/plain, application/octet-stream, …). A JSON body is accepted when that parser kept its bytes
 * as `rawBody` too.
 */
export const webhookRawBodyParser = raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });

export function webhookRawBody(request: Request): Buffer | undefined {
  const kept = (request as Request & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(kept)) return kept;
  const body: unknown = request.body;
  return Buffer.isBuffer(body) ? body : undefined;
}

export class UnsupportedBodyError extends UnsupportedMediaTypeException {
  constructor() {
    super('send the webhook as text/plain or application/octet-stream: its signature is checked over the raw bytes');
  }
}
