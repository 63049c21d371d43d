import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsZonedInstant } from '../http/instant';
import { Optional } from '../http/optional';

export class SiteSearchQuery {
  @ApiPropertyOptional({ description: 'code, name or commune; diacritics optional ("dong kinh" finds "Đông Kinh")' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

/** GET /sites/state-summary: now, or a past instant with its zone ("…Z" or "+07:00"). */
export class SiteStateSummaryQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'a past instant to reconstruct; omitted: now' })
  @Optional()
  @IsZonedInstant()
  at?: string;
}
