import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import type { OperatorCode, Severity, TrendBucket } from '@netduty/contracts';
import { ANALYTICS_LIMITS, OPERATOR_CODES, SEVERITIES, TREND_BUCKETS } from '@netduty/contracts';
import type { AnalyticsCriteria, AnalyticsPeriod } from '@netduty/analytics';
import { IsZonedInstant } from '../http/instant';
import { Optional } from '../http/optional';
import { RequestValidationException } from '../http/validation';

/** The filters every figure takes. */
export class AnalyticsCriteriaQuery {
  @ApiPropertyOptional({ enum: OPERATOR_CODES })
  @Optional()
  @IsIn(OPERATOR_CODES)
  operatorCode?: OperatorCode;

  @ApiPropertyOptional({ description: 'a commune code (NSO)' })
  @Optional()
  @IsString()
  @MaxLength(16)
  communeCode?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'incidents only: sites have no severity' })
  @Optional()
  @IsIn(SEVERITIES)
  severity?: Severity;
}

export function criteriaOf(query: AnalyticsCriteriaQuery): AnalyticsCriteria {
  return { operatorCode: query.operatorCode, communeCode: query.communeCode, severity: query.severity };
}

const HOUR_MS = 3_600_000;
const BUCKET_MS: Readonly<Record<TrendBucket, number>> = { hour: HOUR_MS, day: 24 * HOUR_MS };

/** GET /analytics/trends: a period (default the last 24 h) and its bucket (default by the hour). */
export class AnalyticsTrendsQuery extends AnalyticsCriteriaQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'start (inclusive), with its zone; default: 24 h before `to`' })
  @Optional()
  @IsZonedInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'end (exclusive), with its zone; default: now' })
  @Optional()
  @IsZonedInstant()
  to?: string;

  @ApiPropertyOptional({ enum: TREND_BUCKETS, default: 'hour' })
  @Optional()
  @IsIn(TREND_BUCKETS)
  bucket?: TrendBucket;
}

/** The period a trends query names, refused (naming the field) when it is empty or has too many buckets. */
export function periodOf(query: AnalyticsTrendsQuery, now = new Date()): AnalyticsPeriod {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 24 * HOUR_MS);
  const bucket = query.bucket ?? 'hour';
  if (from.getTime() >= to.getTime()) throw new RequestValidationException([{ field: 'to', code: 'before_other_field', params: { field: 'from' } }]);
  const maxSpanMs = ANALYTICS_LIMITS.maxBuckets * BUCKET_MS[bucket];
  if (to.getTime() - from.getTime() > maxSpanMs) {
    throw new RequestValidationException([{ field: 'from', code: 'too_small', params: { min: new Date(to.getTime() - maxSpanMs).toISOString() } }]);
  }
  return { from, to, bucket };
}
