import { ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@netduty/contracts';
import { bodyShapeProblem } from './body-shape';
import { fieldProblemsOf } from './field-problems';

/** Thrown by the validation pipe; carries the field list the error filter renders. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.code}`).join(' | '));
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    return [...fieldProblemsOf(error, path), ...flatten(error.children ?? [], path)];
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
        { field: 'body', code: 'not_an_object' },
      ]);
    }
    // Bodies were checked by the body parser already; params and queries are checked here.
    const problem = bodyShapeProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (problem?.kind === 'fields') throw new RequestValidationException(problem.fields);
    if (problem?.kind === 'too_deep') throw new RequestValidationException([{ field: metadata.data ?? 'body', code: 'too_deep', params: { max: problem.depth } }]);
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
    // Target and value (never sent) let a problem carry its constraint's parameters, e.g. too_long {max: 200}.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new RequestValidationException(
        fields.length > 0 ? fields : [{ field: 'body', code: 'not_an_object' }],
      );
    },
  });
}
