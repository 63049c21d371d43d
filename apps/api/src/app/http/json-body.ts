import type { INestApplication } from '@nestjs/common';
import { json } from 'body-parser';
import type { NextFunction, Request, Response } from 'express';
import { apiError, preferredLanguage } from './api-error';

interface BodyParserError {
  type?: string;
}

const PARSER_ERRORS: Record<string, { status: number; code: string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json' },
  'entity.too.large': { status: 413, code: 'payload_too_large' },
  'entity.verify.failed': { status: 400, code: 'malformed_json' },
  'request.aborted': { status: 400, code: 'malformed_json' },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type' },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type' },
};

/**
 * Our own JSON body parser, so its failures (bad JSON, over the size limit) get their own stable
 * codes; Nest's built-in parser folds them into a generic 400.
 */
export function useJsonBody(app: INestApplication, limit: string): void {
  app.use(json({ limit, strict: true }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    const known = PARSER_ERRORS[(error as BodyParserError)?.type ?? ''];
    if (!known) return next(error);
    response
      .status(known.status)
      .json(apiError(known.status, known.code, preferredLanguage(request.headers['accept-language'])));
  });
}
