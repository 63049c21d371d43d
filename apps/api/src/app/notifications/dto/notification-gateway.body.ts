import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  NOTIFICATION_GATEWAY_KINDS,
  NOTIFICATION_GATEWAY_METHODS,
  type NotificationGatewayKind,
  type NotificationGatewayMethod,
  type SaveNotificationGatewayRequest,
} from '@netduty/contracts';
import { GATEWAY_NAME_MAX, GATEWAY_RATE_MAX } from '@netduty/notifications';
import { trimmed } from '../../http/trimmed';
import { Optional } from '../../http/optional';

const TEXT_MAX = 500;
const TEMPLATE_MAX = 8000;
const given = (value: unknown) => value !== undefined && value !== null;

/**
 * A gateway's settings (the whole of them: PATCH replaces them too, keeping a secret left out).
 * Shapes are checked here; what depends on the kind (SMTP host and sender, URL scheme, template
 * placeholders, headers) is gatewayProblems', which names the field.
 */
export class NotificationGatewayBody implements SaveNotificationGatewayRequest {
  @ApiProperty({ enum: NOTIFICATION_GATEWAY_KINDS })
  @IsIn(NOTIFICATION_GATEWAY_KINDS)
  kind!: NotificationGatewayKind;

  @ApiProperty({ maxLength: GATEWAY_NAME_MAX })
  @Transform(trimmed)
  @IsString()
  @Length(1, GATEWAY_NAME_MAX)
  name!: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: GATEWAY_RATE_MAX, default: 10 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(GATEWAY_RATE_MAX)
  rateLimitPerSecond?: number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((body: NotificationGatewayBody) => given(body.smtpHost))
  @IsString()
  @MaxLength(TEXT_MAX)
  smtpHost?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 65535 })
  @ValidateIf((body: NotificationGatewayBody) => given(body.smtpPort))
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort?: number | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  smtpSecure?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((body: NotificationGatewayBody) => given(body.smtpUser))
  @IsString()
  @MaxLength(TEXT_MAX)
  smtpUser?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'write-only; left out keeps the stored one, null clears it' })
  @ValidateIf((body: NotificationGatewayBody) => given(body.smtpPassword))
  @IsString()
  @MaxLength(TEXT_MAX)
  smtpPassword?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((body: NotificationGatewayBody) => given(body.fromAddress))
  @IsString()
  @MaxLength(TEXT_MAX)
  fromAddress?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((body: NotificationGatewayBody) => given(body.url))
  @IsString()
  @MaxLength(2000)
  url?: string | null;

  @ApiPropertyOptional({ enum: NOTIFICATION_GATEWAY_METHODS, default: 'POST' })
  @Optional()
  @IsIn(NOTIFICATION_GATEWAY_METHODS)
  method?: NotificationGatewayMethod;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'write-only values' })
  @Optional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ nullable: true, description: 'JSON with {{address}} {{text}} {{deliveryId}} {{ackCode}} {{ackUrl}} {{incidentReference}}' })
  @ValidateIf((body: NotificationGatewayBody) => given(body.bodyTemplate))
  @IsString()
  @MaxLength(TEMPLATE_MAX)
  bodyTemplate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'write-only HMAC key of the inbound webhook (16 characters at least)' })
  @ValidateIf((body: NotificationGatewayBody) => given(body.webhookSecret))
  @IsString()
  @MaxLength(TEXT_MAX)
  webhookSecret?: string | null;
}
