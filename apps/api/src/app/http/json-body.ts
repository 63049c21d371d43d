import type { INestApplication } from '@nestjs/common';
import { json } from 'body-parser';
import type { NextFunction, Request, Response } from 'express';
import type { ApiErrorBody, ApiErrorCode } from '@netduty/contracts';
import { API_PREFIX } from '../api-prefix';
import { apiError, preferredLanguage } from './api-error';
import { bodyShapeProblem, MAX_BODY_DEPTH } from './body-shape';
import { isTmfPath, toTmfError } from './tmf-error';

interface BodyParserError {
  type?: string;
  status?: number;
  code?: string;
}

const PARSER_ERRORS: Record<string, { status: number; code: ApiErrorCode }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json' },
  'entity.too.large': { status: 413, code: 'payload_too_large' },
  'entity.verify.failed': { status: 400, code: 'malformed_json' },
  'request.aborted': { status: 400, code: 'malformed_json' },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type' },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type' },
};

/** How a body parser failure is answered: by its type, a zlib failure as a bad encoding, else by status. */
function parserFailure(error: BodyParserError): { status: number; code: ApiErrorCode } {
  const known = PARSER_ERRORS[error.type ?? ''];
  if (known) return known;
  // A body that says gzip/deflate/br but is not: zlib's errors carry codes like Z_DATA_ERROR.
  if (typeof error.code === 'string' && (error.code.startsWith('Z_') || error.code.startsWith('ERR_BROTLI'))) {
    return { status: 400, code: 'malformed_body_encoding' };
  }
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
  return { status, code: status === 413 ? 'payload_too_large' : 'malformed_body_encoding' };
}

/**
 * Our own JSON body parser, so its failures (bad JSON, over the size limit, a body that is not in the
 * encoding it claims) get their own stable codes, and a body too deep or carrying prototype keys is
 * refused before any route sees it, on every route, anonymous ones included.
 */
export function useJsonBody(app: INestApplication, limit: string): void {
  // A webhook's signature is over its exact bytes: keep them for those routes (and only those).
  app.use(
    json({
      limit,
      strict: true,
      verify: (request, _response, bytes) => {
        if (request.url?.startsWith(`/${API_PREFIX}/webhooks/`)) (request as typeof request & { rawBody?: Buffer }).rawBody = Buffer.from(bytes);
      },
    }),
  );
  // The TMF642 routes get the same errors in TMF630's shape.
  const send = (request: Request, response: Response, body: ApiErrorBody) => {
    response.status(body.statusCode).json(isTmfPath(request.path) ? toTmfError(body, request.headers['accept-language']) : body);
  };
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const { status, code } = parserFailure((error ?? {}) as BodyParserError);
    send(request, response, apiError(status, code, preferredLanguage(request.headers['accept-language'])));
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const problem = bodyShapeProblem(request.body as unknown);
    if (!problem) return next();
    const language = preferredLanguage(request.headers['accept-language']);
    if (problem.kind === 'too_deep') {
      send(request, response, apiError(400, 'payload_too_deep', language, { details: { maxDepth: MAX_BODY_DEPTH } }));
      return;
    }
    send(request, response, apiError(400, 'validation_failed', language, { fields: problem.fields }));
  });
}
