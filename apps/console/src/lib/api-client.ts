import type { ApiErrorBody } from '@netduty/contracts';
import { i18n } from '../i18n/i18n';
import { buildQueryString, type QueryValue } from './query-string';

/** REST base path; the dev server and production nginx both proxy it to the api. */
export const API_BASE = '/api/v1';

/** A failed request, carrying the api's JSON error body (or one synthesised for network/proxy failures). */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.body.statusCode;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiErrorBody>;
  return typeof candidate.message === 'string' && typeof candidate.code === 'string';
}

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // The api answers error messages in the console's language when it can.
    'Accept-Language': i18n.language || 'vi',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQueryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ statusCode: 0, code: 'network_error', message: i18n.t('errors.network') });
  }

  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!response.ok) {
    if (isApiErrorBody(payload)) throw new ApiError({ ...payload, statusCode: payload.statusCode || response.status });
    // A proxy error page (api down, 502/504) or an unexpected body: keep the status, say it plainly.
    const code = response.status >= 502 && response.status <= 504 ? 'network_error' : 'http_error';
    const message =
      code === 'network_error' ? i18n.t('errors.network') : i18n.t('errors.unexpected', { status: response.status });
    throw new ApiError({ statusCode: response.status, code, message });
  }
  return payload as T;
}
