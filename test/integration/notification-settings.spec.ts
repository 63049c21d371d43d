import { Injectable } from '@nestjs/common';
import type { InAppNotificationDto } from '@netduty/contracts';
import {
  InAppNotificationService,
  NotificationGatewayService,
  NotificationPreferenceService,
  NotificationWorkersModule,
  type InAppAnnouncer,
} from '@netduty/notifications';
import { AuditEntryEntity, NotificationGatewayEntity, NotificationInAppEntity } from '@netduty/persistence';
import { InvalidInputError } from '@netduty/platform-errors';
import {
  deliveriesFor,
  demoRefs,
  disableGateways,
  notificationTestConfig,
  settled,
  queueOf,
  startNotificationWorker,
  uniqueName,
  type DemoRefs,
  type NotificationWorkerContext,
} from '../support/sinks/notification-stack';

/** Stands in for the app's realtime announcer: records what the in-app channel announces. */
@Injectable()
class RecordingAnnouncer implements InAppAnnouncer {
  static readonly announced: { userId: string; notification: InAppNotificationDto }[] = [];
  announce(userId: string, notification: InAppNotificationDto): void {
    RecordingAnnouncer.announced.push({ userId, notification });
  }
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof InvalidInputError)) throw new Error(`expected InvalidInputError, got ${String(error)}`);
  return error.fields.map((problem) => `${problem.field}:${problem.code}`);
}

describe('notification settings and the in-app centre', () => {
  let context: NotificationWorkerContext;
  let refs: DemoRefs;

  beforeAll(async () => {
    context = await startNotificationWorker(notificationTestConfig(), NotificationWorkersModule.withAnnouncer(RecordingAnnouncer));
    refs = await demoRefs(context.dataSource, 2);
  });

  afterAll(async () => {
    const gateways = await context.dataSource.getRepository(NotificationGatewayEntity).find();
    await disableGateways(context.dataSource, gateways.filter((gateway) => gateway.name.startsWith('Zalo OA')));
    await context.close();
  });

  describe('gateways', () => {
    it('saves a gateway, never shows its secrets, audits the change without them', async () => {
      const gateways = context.app.get(NotificationGatewayService);
      const name = uniqueName('Zalo OA');
      const created = await gateways.create({
        kind: 'zalo',
        name,
        url: 'https://zalo.example.vn/oa/message',
        headers: { 'x-api-key': 'secret-api-key' },
        bodyTemplate: '{"phone":"{{address}}","text":"{{text}}"}',
        webhookSecret: 'a-webhook-secret-long-enough',
        rateLimitPerSecond: 5,
      });
      expect(created).toMatchObject({ name, headerNames: ['x-api-key'], hasWebhookSecret: true, hasSmtpPassword: false, rateLimitPerSecond: 5 });
      expect(JSON.stringify(created)).not.toContain('secret-api-key');
      expect(JSON.stringify(created)).not.toContain('a-webhook-secret-long-enough');
      // At rest every secret is sealed (AES-GCM): a copy of the database does not give them away…
      const [stored] = (await context.dataSource.query(`SELECT headers, webhook_secret FROM notification_gateways WHERE id = $1`, [created.id])) as {
        headers: Record<string, string>;
        webhook_secret: string;
      }[];
      expect(stored?.webhook_secret).toMatch(/^enc:v1:/);
      expect(stored?.headers['x-api-key']).toMatch(/^enc:v1:/);
      expect(JSON.stringify(stored)).not.toMatch(/secret-api-key|a-webhook-secret-long-enough/);
      // …while the application reads them back as they were given.
      const opened = await context.dataSource
        .getRepository(NotificationGatewayEntity)
        .createQueryBuilder('gateway')
        .addSelect('gateway.webhookSecret')
        .where('gateway.id = :id', { id: created.id })
        .getOneOrFail();
      expect(opened).toMatchObject({ headers: { 'x-api-key': 'secret-api-key' }, webhookSecret: 'a-webhook-secret-long-enough' });

      const updated = await gateways.update(created.id, { kind: 'zalo', name, url: 'https://zalo.example.vn/v2', bodyTemplate: '{"phone":"{{address}}"}', enabled: false });
      expect(updated).toMatchObject({ url: 'https://zalo.example.vn/v2', enabled: false, hasWebhookSecret: true, headerNames: [] });

      const audit = await context.dataSource.getRepository(AuditEntryEntity).find({ where: { entityType: 'notification_gateway', entityId: created.id }, order: { id: 'ASC' } });
      expect(audit.map((entry) => entry.action)).toEqual(['notification_gateway.create', 'notification_gateway.update']);
      expect(JSON.stringify(audit)).not.toContain('a-webhook-secret-long-enough');
    });

    it('refuses a gateway with bad fields, naming them, and stores nothing', async () => {
      const gateways = context.app.get(NotificationGatewayService);
      const before = await context.dataSource.getRepository(NotificationGatewayEntity).count();
      expect(await problemsOf(gateways.create({ kind: 'sms', name: uniqueName('bad'), url: 'javascript:alert(1)', bodyTemplate: '{"to":"{{phone}}"}' }))).toEqual([
        'url:invalid_format',
        'bodyTemplate:not_one_of',
      ]);
      expect(await problemsOf(gateways.create({ kind: 'email', name: uniqueName('bad'), smtpHost: 'smtp.example.vn', smtpPort: 70_000, fromAddress: 'x' }))).toEqual([
        'smtpPort:invalid_format',
        'fromAddress:not_an_email',
      ]);
      expect(await context.dataSource.getRepository(NotificationGatewayEntity).count()).toBe(before);
    });
  });

  describe('preferences', () => {
    it('shows the defaults, then the person\'s choice for the severities they set', async () => {
      const preferences = context.app.get(NotificationPreferenceService);
      const userId = refs.userIds[1] ?? '';
      expect((await preferences.forUser(userId)).find((preference) => preference.severity === 'minor')?.channels).toEqual(['in_app', 'email']);
      const saved = await preferences.set(userId, [{ severity: 'minor', channels: ['in_app', 'telegram', 'telegram'] }]);
      expect(saved.find((preference) => preference.severity === 'minor')?.channels).toEqual(['in_app', 'telegram']);
      expect(saved.find((preference) => preference.severity === 'major')?.channels).toEqual(['in_app', 'email', 'sms']);
    });

    it('refuses an unknown channel or severity, naming the field', async () => {
      const preferences = context.app.get(NotificationPreferenceService);
      expect(await problemsOf(preferences.set(refs.userIds[1] ?? '', [{ severity: 'minor', channels: ['pager' as never] }]))).toEqual(['preferences.0.channels.0:not_one_of']);
      expect(await problemsOf(preferences.set(refs.userIds[1] ?? '', [{ severity: 'cleared' as never, channels: [] }]))).toEqual(['preferences.0.severity:not_one_of']);
    });
  });

  describe('the in-app centre', () => {
    it('counts a person\'s unread entries and marks them read, only their own', async () => {
      const inbox = context.app.get(InAppNotificationService);
      const [owner = '', other = ''] = refs.userIds;
      const added = await context.outbox.addAndDispatch(deliveriesFor({ incidentId: refs.incidentId, userIds: [owner] }, null, 3));
      await settled(context, added.map((row) => row.id), [queueOf(null)]);
      const before = (await inbox.unreadCount(owner)).unread;
      expect(before).toBeGreaterThanOrEqual(3);
      const entries = await inbox.list(owner, { unreadOnly: true, limit: 3 });
      expect(entries).toHaveLength(3);
      // Each new entry was announced once, to its owner, as the centre lists it.
      const announced = RecordingAnnouncer.announced.filter((item) => entries.some((entry) => entry.id === item.notification.id));
      expect(announced.map((item) => item.userId)).toEqual([owner, owner, owner]);
      expect(announced.map((item) => item.notification).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...entries].sort((a, b) => a.id.localeCompare(b.id)));

      const otherBefore = (await inbox.unreadCount(other)).unread;
      expect(await inbox.markRead(other, entries.map((entry) => entry.id))).toEqual({ unread: otherBefore });
      expect((await inbox.unreadCount(owner)).unread).toBe(before);
      expect(await inbox.markRead(owner, [entries[0]?.id ?? ''])).toEqual({ unread: before - 1 });
      expect(await inbox.markRead(owner, null)).toEqual({ unread: 0 });
      expect(await problemsOf(inbox.markRead(owner, ['not-a-uuid']))).toEqual(['ids.0:not_a_uuid']);
      expect(await context.dataSource.getRepository(NotificationInAppEntity).countBy({ userId: owner })).toBeGreaterThanOrEqual(3);
    });
  });
});
