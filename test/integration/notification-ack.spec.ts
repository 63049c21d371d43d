import { AckLinkService, InboundReplyService, NotificationPlanner, signWebhookBody } from '@netduty/notifications';
import { NotificationAckUseEntity, NotificationContactEntity, NotificationDeliveryEntity, NotificationGatewayEntity } from '@netduty/persistence';
import { startHttpSink, type HttpSink } from '../support/sinks/http-sink';
import {
  createHttpGateway,
  demoRefs,
  disableGateways,
  notificationTestConfig,
  startNotificationProducer,
  uniqueName,
  type DemoRefs,
  type NotificationContext,
} from '../support/sinks/notification-stack';

describe('acknowledging from a notification', () => {
  let context: NotificationContext;
  let links: AckLinkService;
  let replies: InboundReplyService;
  let refs: DemoRefs;

  beforeAll(async () => {
    context = await startNotificationProducer(notificationTestConfig());
    links = context.app.get(AckLinkService);
    replies = context.app.get(InboundReplyService);
    refs = await demoRefs(context.dataSource, 2);
  });

  afterAll(async () => {
    await context.close();
  });

  const userId = () => refs.userIds[0] ?? '';

  describe('a signed link', () => {
    it('works once: the second redemption is already_used and only one use is stored', async () => {
      const token = links.issue(refs.incidentId, userId());
      const first = await context.dataSource.transaction((manager) => links.redeem(manager, token));
      expect(first).toMatchObject({ ok: true, claims: { incidentId: refs.incidentId, userId: userId() } });
      const again = await context.dataSource.transaction((manager) => links.redeem(manager, token));
      expect(again).toEqual({ ok: false, reason: 'already_used' });
      if (!first.ok) throw new Error('unreachable');
      expect(await context.dataSource.getRepository(NotificationAckUseEntity).countBy({ tokenId: first.claims.tokenId })).toBe(1);
    });

    it('works once even when redeemed five times at the same moment', async () => {
      const token = links.issue(refs.incidentId, userId());
      const results = await Promise.all(Array.from({ length: 5 }, () => context.dataSource.transaction((manager) => links.redeem(manager, token))));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === 'already_used')).toHaveLength(4);
    });

    it('stops working at its expiry and stores nothing for it', async () => {
      const issuedAt = new Date(Date.now() - 2 * 3600_000);
      const token = links.issue(refs.incidentId, userId(), issuedAt, 3600);
      const before = await context.dataSource.getRepository(NotificationAckUseEntity).count();
      expect(await context.dataSource.transaction((manager) => links.redeem(manager, token))).toEqual({ ok: false, reason: 'expired' });
      expect(await context.dataSource.getRepository(NotificationAckUseEntity).count()).toBe(before);
    });

    it('refuses a token whose claims were changed', async () => {
      const [version, body, signature] = links.issue(refs.incidentId, userId()).split('.');
      const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as unknown[];
      claims[2] = refs.userIds[1];
      const forged = `${version}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      expect(await context.dataSource.transaction((manager) => links.redeem(manager, forged))).toEqual({ ok: false, reason: 'bad_signature' });
    });

    it('is planned into each person\'s outside messages, one link per person, redeemable once', async () => {
      const [first = '', second = ''] = refs.userIds;
      const gateway = await context.dataSource.getRepository(NotificationGatewayEntity).save({
        kind: 'email', name: uniqueName('ack-link-smtp'), smtpHost: '127.0.0.1', smtpPort: 9, fromAddress: 'canhbao@netduty.test',
      });
      // A critical incident reaches every channel a person has, whatever their preferences.
      const [critical] = (await context.dataSource.query(`SELECT id FROM incidents WHERE severity = 'critical' ORDER BY reported_at LIMIT 1`)) as { id: string }[];
      const incidentId = critical?.id ?? '';
      try {
        await context.dataSource.getRepository(NotificationContactEntity).save([
          { userId: first, channel: 'email', address: 'mot@netduty.test' },
          { userId: second, channel: 'email', address: 'hai@netduty.test' },
        ]);
        const plan = await context.dataSource.transaction((manager) =>
          context.app.get(NotificationPlanner).planForIncident(manager, {
            sourceKey: uniqueName('ack-plan'),
            incidentId,
            recipientUserIds: [first, second],
            payload: { titleKey: 'escalation.fired', params: { reference: 'SC-ACK' } },
            ackLinkBaseUrl: 'https://netduty.example/ack',
          }),
        );
        const emails = plan.deliveries.filter((delivery) => delivery.channel === 'email');
        expect(emails.map((delivery) => delivery.recipientUserId).sort()).toEqual([first, second].sort());
        expect(plan.deliveries.filter((delivery) => delivery.channel === 'in_app').every((delivery) => delivery.payload.ackUrl === undefined)).toBe(true);
        for (const delivery of emails) {
          const url = new URL(delivery.payload.ackUrl ?? '');
          expect(url.origin + url.pathname).toBe('https://netduty.example/ack');
          const token = url.searchParams.get('token') ?? '';
          const redeemed = await context.dataSource.transaction((manager) => links.redeem(manager, token));
          expect(redeemed).toMatchObject({ ok: true, claims: { incidentId, userId: delivery.recipientUserId } });
          expect(await context.dataSource.transaction((manager) => links.redeem(manager, token))).toEqual({ ok: false, reason: 'already_used' });
        }
      } finally {
        await disableGateways(context.dataSource, [gateway]);
        await context.dataSource.getRepository(NotificationContactEntity).delete({ channel: 'email', address: 'mot@netduty.test' });
        await context.dataSource.getRepository(NotificationContactEntity).delete({ channel: 'email', address: 'hai@netduty.test' });
      }
    });

    it('keeps redeemed links as evidence: the application cannot update or delete them', async () => {
      await expect(context.dataSource.query(`DELETE FROM notification_ack_uses`)).rejects.toThrow(/permission denied|append-only|refuse/i);
      await expect(context.dataSource.query(`UPDATE notification_ack_uses SET used_at = now()`)).rejects.toThrow(/permission denied|append-only|refuse/i);
    });
  });

  describe('an SMS reply to the inbound webhook', () => {
    const secret = 'webhook-secret-of-the-test-gateway';
    let http: HttpSink;
    let gateway: NotificationGatewayEntity;
    let deliveryId: string;

    beforeAll(async () => {
      http = await startHttpSink();
      gateway = await createHttpGateway(context.dataSource, http, { kind: 'sms', webhookSecret: secret });
      // Disabled at once: no worker should send for it; the row stands for a message already sent.
      await disableGateways(context.dataSource, [gateway]);
      const saved = await context.dataSource.getRepository(NotificationDeliveryEntity).save({
        sourceKey: uniqueName('reply-test'),
        incidentId: refs.incidentId,
        recipientUserId: userId(),
        channel: 'sms',
        gatewayId: gateway.id,
        address: '0912 345 678',
        payload: { titleKey: 'escalation.fired', params: { reference: 'SC-REPLY' } },
        urgencyRank: 0,
        ackCode: '482913',
        status: 'sent',
        attempts: 1,
      });
      deliveryId = saved.id;
    });

    afterAll(async () => {
      await http.close();
    });

    const reply = (text: string, from = '+84912345678') => Buffer.from(JSON.stringify({ from, text }));

    it('resolves a correctly signed reply with the code to the incident and the person it was sent to', async () => {
      const body = reply('OK 482913');
      expect(await replies.resolve(gateway.id, body, signWebhookBody(body, secret))).toEqual({
        ok: true,
        deliveryId,
        incidentId: refs.incidentId,
        userId: userId(),
      });
    });

    it('refuses a reply signed with another secret, an altered body, or no signature', async () => {
      const body = reply('OK 482913');
      expect(await replies.resolve(gateway.id, body, signWebhookBody(body, 'not-the-secret'))).toEqual({ ok: false, reason: 'bad_signature' });
      expect(await replies.resolve(gateway.id, reply('OK 482913', '+84900000000'), signWebhookBody(body, secret))).toEqual({ ok: false, reason: 'bad_signature' });
      expect(await replies.resolve(gateway.id, body, undefined)).toEqual({ ok: false, reason: 'bad_signature' });
    });

    it('finds nothing for a wrong code, another number, or an unknown gateway', async () => {
      const wrongCode = reply('OK 111111');
      expect(await replies.resolve(gateway.id, wrongCode, signWebhookBody(wrongCode, secret))).toEqual({ ok: false, reason: 'no_match' });
      const otherNumber = reply('OK 482913', '+84987654321');
      expect(await replies.resolve(gateway.id, otherNumber, signWebhookBody(otherNumber, secret))).toEqual({ ok: false, reason: 'no_match' });
      const body = reply('OK 482913');
      expect(await replies.resolve('00000000-0000-4000-8000-000000000000', body, signWebhookBody(body, secret))).toEqual({ ok: false, reason: 'unknown_gateway' });
      expect(await replies.resolve('not-a-gateway-id', body, signWebhookBody(body, secret))).toEqual({ ok: false, reason: 'unknown_gateway' });
    });
  });
});
