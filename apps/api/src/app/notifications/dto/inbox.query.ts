import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { INBOX_PAGE_MAX } from '@netduty/notifications';
import { booleanParam } from '../../http/list-param';
import { Optional } from '../../http/optional';

export class InboxQuery {
  @ApiPropertyOptional({ default: false, description: 'only entries not read yet' })
  @Optional()
  @Transform(booleanParam)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: INBOX_PAGE_MAX, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INBOX_PAGE_MAX)
  limit?: number;
}
