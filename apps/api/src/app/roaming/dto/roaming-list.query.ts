import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../../http/optional';

export const ROAMING_LIST_FILTERS = ['live', 'all'] as const;

/** GET /roaming/requests: the live ones (issued, in effect) or every one, newest first. */
export class RoamingListQuery {
  @ApiPropertyOptional({ enum: ROAMING_LIST_FILTERS, default: 'live' })
  @Optional()
  @IsIn(ROAMING_LIST_FILTERS)
  status?: (typeof ROAMING_LIST_FILTERS)[number];
}
