import { ApiPropertyOptional } from '@nestjs/swagger';
import { BATTERY_LIMITS } from '@netduty/contracts';
import type { BatteryOutcomesPeriod } from '@netduty/alarms';
import { IsZonedInstant } from '../../http/instant';
import { Optional } from '../../http/optional';
import { RequestValidationException } from '../../http/validation';

const DAY_MS = 24 * 3_600_000;

/** GET /battery/outcomes: the period the sites went off air in. */
export class BatteryOutcomesQuery {
  @ApiPropertyOptional({ format: 'date-time', description: `start (inclusive), with its zone; default: ${BATTERY_LIMITS.outcomesDefaultDays} days before \`to\`` })
  @Optional()
  @IsZonedInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'end (exclusive), with its zone; default: now' })
  @Optional()
  @IsZonedInstant()
  to?: string;
}

/** The period an outcomes query names, refused (naming the field) when it is empty or too long. */
export function outcomesPeriodOf(query: BatteryOutcomesQuery, now = new Date()): BatteryOutcomesPeriod {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - BATTERY_LIMITS.outcomesDefaultDays * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new RequestValidationException([{ field: 'to', code: 'before_other_field', params: { field: 'from' } }]);
  const maxSpanMs = BATTERY_LIMITS.outcomesMaxDays * DAY_MS;
  if (to.getTime() - from.getTime() > maxSpanMs) {
    throw new RequestValidationException([{ field: 'from', code: 'too_small', params: { min: new Date(to.getTime() - maxSpanMs).toISOString() } }]);
  }
  return { from, to };
}
