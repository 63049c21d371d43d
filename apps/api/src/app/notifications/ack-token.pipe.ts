import type { PipeTransform } from '@nestjs/common';
import { RequestValidationException } from '../http/validation';

const TOKEN_MAX = 1024;
const TOKEN_SHAPE = /^[A-Za-z0-9._-]+$/;

/** An acknowledge token as a path parameter: base64url parts and dots, of a sane length, named `token`. */
export const ackTokenParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (value.length > TOKEN_MAX) throw new RequestValidationException([{ field: 'token', code: 'too_long', params: { max: TOKEN_MAX } }]);
    if (!TOKEN_SHAPE.test(value)) throw new RequestValidationException([{ field: 'token', code: 'invalid_format' }]);
    return value;
  },
};
