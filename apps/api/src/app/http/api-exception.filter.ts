import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Socket } from 'socket.io';
import { AccountLockedError, AnonymousRefusalAudit, AuditService, ForbiddenError, NotAuthenticatedError, PasswordChangeRequiredError, requestContext } from '@netduty/identity';
import { NotAlarmOwnerError, SourceSystemMismatchError } from '@netduty/alarms';
import { InvalidCursorError } from '@netduty/incidents';
import {
  AlreadyExistsError,
  ConflictError,
  IdempotencyKeyReusedError,
  ApplicationError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
  RetryLaterError,
  UnprocessableInputError,
} from '@netduty/platform-errors';
import type { ApiErrorBody, ApiErrorCode } from '@netduty/contracts';
import { uniqueViolationField } from '@netduty/platform';
import { NotShiftLeadError } from '@netduty/reports';
import { apiError, preferredLanguage } from './api-error';
import { isTmfPath, toTmfError } from './tmf-error';
import { RequestValidationException } from './validation';

const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.UNAUTHORIZED]: 'not_authenticated',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'too_many_requests',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.BAD_REQUEST]: 'validation_failed',
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The matched route's template (`/api/v1/incidents/:id`); the path without its query when none matched. */
function routeTemplate(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${request.baseUrl}${route}` : request.path;
}

/**
 * Turns every failure into the one JSON error shape with a stable code. Nothing internal (stack, SQL,
 * class names) ever reaches the client; unexpected errors are logged with the request and return 500.
 */
@Catch()
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  constructor(
    private readonly audit: AuditService,
    private readonly anonymousRefusals: AnonymousRefusalAudit,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'ws') {
      const socket = host.switchToWs().getClient<Socket>();
      const body = this.toBody(exception, 'en');
      socket.emit('exception', body);
      return;
    }
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, preferredLanguage(request.headers['accept-language']));
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.originalUrl}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (exception instanceof AccountLockedError || exception instanceof RetryLaterError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    const tmf = isTmfPath(request.path);
    // An NMS's refused alarm writes (400, 422, 429) are not audited one by one: a misconfigured NMS can
    // send thousands a second, and a 429 must stay cheap. Its 401/403s are, like every anonymous refusal.
    if (!tmf || body.statusCode === 401 || body.statusCode === 403) this.auditRefusal(request, body.statusCode, body.code, exception);
    if (!response.headersSent) response.status(body.statusCode).json(tmf ? toTmfError(body, request.headers['accept-language']) : body);
  }

  /**
   * Refused and failed requests leave a trace too: every 401/403, and every state-changing request
   * that did not succeed (its use case wrote nothing, so nothing else records it).
   */
  private auditRefusal(request: Request, statusCode: number, code: string, exception: unknown): void {
    const context = requestContext.current();
    if (context?.audited) return;
    const denied = statusCode === 401 || statusCode === 403;
    if (!denied && READ_METHODS.has(request.method)) return;
    if (denied && !context?.actor) {
      this.anonymousRefusals
        .record({
          ip: context?.ip ?? request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          method: request.method,
          route: routeTemplate(request),
          url: request.originalUrl,
          statusCode,
          code,
        })
        .catch((error: Error) => this.logger.error(`audit write failed: ${error.message}`));
      return;
    }
    this.audit
      .record({
        action: denied ? 'authz.denied' : 'request.failed',
        outcome: denied ? 'denied' : 'failed',
        statusCode,
        after: { code, reason: exception instanceof Error ? exception.message.slice(0, 300) : null },
      })
      .catch((error: Error) => this.logger.error(`audit write failed: ${error.message}`));
  }

  private toBody(exception: unknown, language: 'vi' | 'en'): ApiErrorBody {
    if (exception instanceof RequestValidationException) {
      return apiError(400, 'validation_failed', language, { fields: exception.fields });
    }
    if (exception instanceof ApplicationError) return this.applicationError(exception, language);

    // A unique key lost to a concurrent request, wherever it happens: 409 naming the field, like the use cases' own checks.
    const duplicateField = uniqueViolationField(exception);
    if (duplicateField) return this.applicationError(new AlreadyExistsError(duplicateField), language);
    // Class 22 is "data exception" (bad encoding, out-of-range value): the input's fault, never a 500.
    const sqlState = (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (typeof sqlState === 'string' && sqlState.startsWith('22')) {
      return apiError(400, 'validation_failed', language, { detailMessage: 'a value is not acceptable to the database' });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
      const detail = status < 500 ? exception.message : undefined;
      return apiError(status, code, language, { detailMessage: detail });
    }
    return apiError(500, 'internal_error', language);
  }

  private applicationError(error: ApplicationError, language: 'vi' | 'en'): ApiErrorBody {
    if (error instanceof InvalidInputError) return apiError(400, error.code, language, { fields: error.fields });
    if (error instanceof UnprocessableInputError) return apiError(422, error.code, language, { fields: error.fields });
    if (error instanceof RetryLaterError) {
      return apiError(429, error.code, language, { detailMessage: error.message, details: { retryAfterSeconds: error.retryAfterSeconds } });
    }
    if (error instanceof SourceSystemMismatchError) {
      return apiError(403, error.code, language, { detailMessage: error.message, fields: [{ field: error.field, code: 'invalid', params: { rule: 'must_be_the_authenticated_source' } }] });
    }
    if (error instanceof NotAlarmOwnerError) return apiError(403, error.code, language, { detailMessage: error.message });
    if (error instanceof NotFoundError) {
      return apiError(404, error.code, language, { detailMessage: error.message, details: { entity: error.entity, id: error.id } });
    }
    if (error instanceof NotAuthenticatedError) return apiError(401, error.code, language, { detailMessage: error.message });
    if (error instanceof ForbiddenError) return apiError(403, error.code, language, { detailMessage: error.message });
    if (error instanceof NotShiftLeadError) return apiError(403, error.code, language, { detailMessage: error.message });
    if (error instanceof PasswordChangeRequiredError) return apiError(403, error.code, language);
    if (error instanceof AccountLockedError) {
      return apiError(429, error.code, language, { details: { retryAfterSeconds: error.retryAfterSeconds } });
    }
    if (error instanceof AlreadyExistsError) {
      return apiError(409, error.code, language, { fields: [{ field: error.field, code: 'already_used' }] });
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return apiError(422, error.code, language, { fields: [{ field: 'Idempotency-Key', code: 'reused' }] });
    }
    if (error instanceof InvalidCursorError) {
      return apiError(400, error.code, language, { fields: [{ field: 'cursor', code: 'not_recognised' }] });
    }
    if (error instanceof InvalidTransitionError) {
      return apiError(409, error.code, language, {
        detailMessage: error.message,
        details: { currentStatus: error.currentStatus, attempted: error.attempted, allowedActions: error.allowedActions },
      });
    }
    if (error instanceof ConflictError) {
      return apiError(409, error.code, language, { detailMessage: error.message, details: { reason: error.reason } });
    }
    return apiError(400, error.code, language, { detailMessage: error.message });
  }
}
