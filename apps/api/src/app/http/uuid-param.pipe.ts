import { ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationException } from './validation';

/** A UUID path parameter whose error names the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new RequestValidationException([{ field: name, code: 'not_a_uuid' }]),
  });
}
