import type { NotificationGatewayDto } from '@netduty/contracts';
import type { NotificationGatewayEntity } from '@netduty/persistence';

/** Without secrets: no password, no webhook secret, header names without their values. */
export function toGatewayDto(gateway: NotificationGatewayEntity, secrets: { hasSmtpPassword: boolean; hasWebhookSecret: boolean }): NotificationGatewayDto {
  return {
    id: gateway.id,
    kind: gateway.kind,
    name: gateway.name,
    enabled: gateway.enabled,
    rateLimitPerSecond: gateway.rateLimitPerSecond,
    smtpHost: gateway.smtpHost,
    smtpPort: gateway.smtpPort,
    smtpSecure: gateway.smtpSecure,
    smtpUser: gateway.smtpUser,
    fromAddress: gateway.fromAddress,
    url: gateway.url,
    method: gateway.method,
    headerNames: Object.keys(gateway.headers ?? {}).sort(),
    bodyTemplate: gateway.bodyTemplate,
    hasSmtpPassword: secrets.hasSmtpPassword,
    hasWebhookSecret: secrets.hasWebhookSecret,
    createdAt: gateway.createdAt.toISOString(),
    updatedAt: gateway.updatedAt.toISOString(),
  };
}
