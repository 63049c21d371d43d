import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApplicationError,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
} from '@netduty/application';
import type { ApiErrorBody } from '@netduty/contracts';
import { apiError, preferredLanguage } from './api-error';
import { RequestValidationException } from './validation';

const STATUS_CODES: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'too_many_requests',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.BAD_REQUEST]: 'validation_failed',
};

/**
 * Turns every failure into the one JSON error shape with a stable code. Nothing internal (stack, SQL,
 * class names) ever reaches the client; unexpected errors are logged with the request and return 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, preferredLanguage(request.headers['accept-language']));
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.originalUrl}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, language: 'vi' | 'en'): ApiErrorBody {
    if (exception instanceof RequestValidationException) {
      return apiError(400, 'validation_failed', language, { fields: exception.fields });
    }
    if (exception instanceof ApplicationError) return this.applicationError(exception, language);

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
    if (error instanceof NotFoundError) {
      return apiError(404, error.code, language, { detailMessage: error.message, details: { entity: error.entity, id: error.id } });
    }
    if (error instanceof InvalidTransitionError) {
      return apiError(409, error.code, language, {
        detailMessage: error.message,
        details: { currentStatus: error.currentStatus, attempted: error.attempted, allowedActions: error.allowedActions },
      });
    }
    return apiError(400, error.code, language, { detailMessage: error.message });
  }
}
