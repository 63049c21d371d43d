import type { ApiErrorBody, TmfErrorBody } from '@netduty/contracts';
import { messageOf, preferredLanguage } from './api-error';

/** The TM Forum routes (outside /api/v1) answer errors in TMF630's shape. */
export function isTmfPath(path: string): boolean {
  return path === '/tmf-api' || path.startsWith('/tmf-api/');
}

/**
 * The one error, as TMF642 clients read it: the same stable code, its words as `reason`, the status
 * as a string, and the field problems as `problems`. Made from the ApiErrorBody every route builds, so
 * the two shapes never disagree.
 */
export function toTmfError(body: ApiErrorBody, acceptLanguage: string | undefined): TmfErrorBody {
  const tmf: TmfErrorBody = {
    code: body.code,
    reason: messageOf(body.code, preferredLanguage(acceptLanguage)),
    message: body.message,
    status: String(body.statusCode),
    '@type': 'Error',
  };
  if (body.fields) tmf.problems = body.fields;
  return tmf;
}
