import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { NOTIFICATION_CHANNELS, SEVERITIES, type NotificationChannelName, type NotificationPreferenceDto, type Severity } from '@netduty/contracts';

export class NotificationPreferenceBody implements NotificationPreferenceDto {
  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_CHANNELS.length)
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels!: NotificationChannelName[];
}

/** The severities given are replaced; the others keep their choice (critical and P0 always use every channel). */
export class NotificationPreferencesBody {
  @ApiProperty({ type: [NotificationPreferenceBody] })
  @IsArray()
  @ArrayMaxSize(SEVERITIES.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceBody)
  preferences!: NotificationPreferenceBody[];
}
