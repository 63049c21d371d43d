import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** An instant that names its zone ("…Z" or "+07:00"): a bare local time would be read in the server's TZ. */
export const WITH_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

/** A query or body field holding an ISO-8601 instant with its zone. */
export function IsZonedInstant(): PropertyDecorator {
  return applyDecorators(IsISO8601({ strict: true }), Matches(WITH_ZONE));
}
