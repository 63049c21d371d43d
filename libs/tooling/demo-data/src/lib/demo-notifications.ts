import type { EntityManager } from 'typeorm';
import type { NotificationChannelName, Severity } from '@netduty/contracts';
import { NotificationGatewayEntity, NotificationPreferenceEntity, UserEntity } from '@netduty/persistence';

/** Where `npm start`'s local sink listens (scripts/local-sink.mjs): nothing sent here leaves the machine. */
export const DEMO_SINK = { host: '127.0.0.1', smtpPort: 2525, httpUrl: 'http://127.0.0.1:8025/sms' } as const;

export const DEMO_SMTP_GATEWAY = 'Hộp thư cục bộ (SMTP demo)';
export const DEMO_SMS_GATEWAY = 'SMS brandname (demo, hộp thư cục bộ)';
/** The SMS gateway's inbound webhook secret in the demo: sign a reply with it to acknowledge by SMS. */
export const DEMO_SMS_WEBHOOK_SECRET = 'demo-sms-webhook-secret-2026';

/** The demo people's mailboxes: `<username>@netduty.local`, landing in the local sink. */
export function demoEmail(username: string): string {
  return `${username.replace(/[^a-z0-9.]/gi, '')}@netduty.local`;
}

/** A few people choose their channels, so the demo shows preferences at work (critical always uses all). */
const DEMO_PREFERENCES: readonly { username: string; severity: Severity; channels: NotificationChannelName[] }[] = [
  { username: 'trucban', severity: 'major', channels: ['in_app', 'email', 'sms'] },
  { username: 'trucban', severity: 'minor', channels: ['in_app', 'email'] },
  { username: 'lanhdao', severity: 'major', channels: ['in_app', 'email'] },
  { username: 'lanhdao', severity: 'minor', channels: ['in_app'] },
  { username: 'viettel.lsn', severity: 'minor', channels: ['in_app', 'sms'] },
];

/**
 * The local run's notifications: an SMTP gateway and an "SMS brandname" HTTP gateway pointing at the
 * local sink (10 messages a second, like a real brandname contract), e-mail addresses for the demo
 * accounts that have none, and a few preferences. Only what is missing is added, so it is safe on every
 * `npm start`; the seeder runs it in development only (tests and production get no demo gateways).
 */
export async function seedDemoNotifications(em: EntityManager): Promise<number> {
  const gateways = em.getRepository(NotificationGatewayEntity);
  let added = 0;
  if (!(await gateways.existsBy({ name: DEMO_SMTP_GATEWAY }))) {
    await gateways.save({
      kind: 'email',
      name: DEMO_SMTP_GATEWAY,
      smtpHost: DEMO_SINK.host,
      smtpPort: DEMO_SINK.smtpPort,
      smtpSecure: false,
      fromAddress: 'canhbao@netduty.local',
      rateLimitPerSecond: 10,
    });
    added += 1;
  }
  if (!(await gateways.existsBy({ name: DEMO_SMS_GATEWAY }))) {
    await gateways.save({
      kind: 'sms',
      name: DEMO_SMS_GATEWAY,
      url: DEMO_SINK.httpUrl,
      method: 'POST',
      headers: { authorization: 'Bearer demo-brandname-key' },
      bodyTemplate: '{"to":"{{address}}","text":"{{text}}","brandname":"SKHCN-LSN","ref":"{{deliveryId}}","code":"{{ackCode}}","link":"{{ackUrl}}"}',
      rateLimitPerSecond: 10,
      webhookSecret: DEMO_SMS_WEBHOOK_SECRET,
    });
    added += 1;
  }
  const users = await em.getRepository(UserEntity).find();
  for (const user of users) {
    if (!user.email) await em.getRepository(UserEntity).update({ id: user.id }, { email: demoEmail(user.username) });
  }
  const byName = new Map(users.map((user) => [user.username, user.id]));
  for (const preference of DEMO_PREFERENCES) {
    const userId = byName.get(preference.username);
    if (!userId) continue;
    await em
      .createQueryBuilder()
      .insert()
      .into(NotificationPreferenceEntity)
      .values({ userId, severity: preference.severity, channels: preference.channels })
      .orIgnore()
      .execute();
  }
  return added;
}
