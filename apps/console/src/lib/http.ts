import type { ApiErrorBody, ApiErrorCode } from '@netduty/contracts';
import { i18n } from '../i18n/i18n';
import { buildQueryString, type QueryValue } from './query-string';

/** REST base path; the dev server and production nginx both proxy it to the api. */
export const API_BASE = '/api/v1';

/** The api's codes, and the two the console gives a request that got no answer from the api. */
export type ClientErrorCode = ApiErrorCode | 'network_error' | 'http_error';
export type ClientErrorBody = Omit<ApiErrorBody, 'code'> & { code: ClientErrorCode };

/** A failed request, carrying the api's JSON error body (or one synthesised for network/proxy failures). */
export class ApiError extends Error {
  constructor(readonly body: ClientErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.body.statusCode;
  }

  get code(): ClientErrorCode {
    return this.body.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON; a Blob (an uploaded file) is sent as it is, with its own type. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

export interface SendOptions extends ApiRequestOptions {
  /** Bearer access token; null or absent sends no Authorization header. */
  token?: string | null;
  /** Only the auth endpoints need the refresh cookie ('same-origin' is also fetch's default). */
  credentials?: RequestCredentials;
  accept?: string;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiErrorBody>;
  return typeof candidate.message === 'string' && typeof candidate.code === 'string';
}

/** Sends one request; network failures become ApiError `network_error`, aborts stay AbortError. */
async function send(path: string, options: SendOptions): Promise<Response> {
  const { method = 'GET', query, body, signal, token, credentials = 'same-origin', accept = 'application/json', headers: extra } = options;
  const headers: Record<string, string> = {
    ...extra,
    Accept: accept,
    // The api answers error messages in the console's language when it can.
    'Accept-Language': i18n.language || 'vi',
  };
  const file = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = file ? body.type || 'application/octet-stream' : 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}${buildQueryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
      signal,
      credentials,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ statusCode: 0, code: 'network_error', message: i18n.t('errors.network') });
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failure(response: Response, payload: unknown): ApiError {
  if (isApiErrorBody(payload)) return new ApiError({ ...payload, statusCode: payload.statusCode || response.status });
  // A proxy error page (api down, 502/504) or an unexpected body: keep the status, say it plainly.
  const code = response.status >= 502 && response.status <= 504 ? 'network_error' : 'http_error';
  const message = code === 'network_error' ? i18n.t('errors.network') : i18n.t('errors.unexpected', { status: response.status });
  return new ApiError({ statusCode: response.status, code, message });
}

export interface JsonResponse<T> {
  data: T;
  /** The server's clock from the Date header (ms since epoch), when present. */
  serverTime: number | undefined;
}

/** One JSON request, without any session handling (the auth endpoints and apiRequest build on it). */
export async function sendJson<T>(path: string, options: SendOptions = {}): Promise<JsonResponse<T>> {
  const response = await send(path, options);
  const payload = parseJson(await response.text());
  if (!response.ok) throw failure(response, payload);
  const date = Date.parse(response.headers.get('Date') ?? '');
  return { data: payload as T, serverTime: Number.isNaN(date) ? undefined : date };
}

/** One request whose body is a file (CSV export…). */
export async function sendForBlob(path: string, options: SendOptions = {}): Promise<Blob> {
  const response = await send(path, options);
  if (!response.ok) throw failure(response, parseJson(await response.text()));
  return response.blob();
}
