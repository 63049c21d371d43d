import { ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ApiErrorBody } from '@netduty/contracts';
import { bodyShapeProblem } from './body-shape';

/** Thrown by the validation pipe; carries the field list the error filter renders. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fields: NonNullable<ApiErrorBody['fields']>) {
    super(fields.map((field) => `${field.field}: ${field.problems.join('; ')}`).join(' | '));
  }
}

function flatten(errors: ValidationError[], parent = ''): NonNullable<ApiErrorBody['fields']> {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field: path, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Strict validation everywhere: unknown fields are refused (and named), values are converted only
 * where a DTO says so, and non-object bodies never reach a handler.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject = metadata.type === 'body' && metadata.metatype !== undefined && metadata.metatype !== Object;
    if (expectsObject && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new RequestValidationException([
        { field: 'body', problems: ['must be a JSON object sent with Content-Type: application/json'] },
      ]);
    }
    // Bodies were checked by the body parser already; params and queries are checked here.
    const problem = bodyShapeProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (problem?.kind === 'fields') throw new RequestValidationException(problem.fields);
    if (problem?.kind === 'too_deep') throw new RequestValidationException([{ field: metadata.data ?? 'body', problems: ['is nested too deeply'] }]);
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new RequestValidationException(
        fields.length > 0 ? fields : [{ field: 'body', problems: ['must be a JSON object'] }],
      );
    },
  });
}
