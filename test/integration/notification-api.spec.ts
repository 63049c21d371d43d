import { randomUUID } from 'node:crypto';
import type {
  AckLinkPreviewDto,
  ApiErrorBody,
  InAppNotificationCountDto,
  InAppNotificationDto,
  IncidentDto,
  NotificationDeliveryDto,
  NotificationGatewayDto,
  NotificationPreferenceDto,
  SmsReplyResultDto,
} from '@netduty/contracts';
import { DEMO_SMS_GATEWAY, DEMO_SMTP_GATEWAY, seedDemoNotifications } from '@netduty/demo-data';
import { AckLinkService, signWebhookBody } from '@netduty/notifications';
import { NotificationGatewayEntity } from '@netduty/persistence';
import { as, http, startApi, type ApiClient, type RunningApi } from './support/stack';
import { rawRequest } from './support/raw-request';
import { queryAsOwner } from './support/test-database';
import { disableGateways, uniqueName } from '../support/sinks/notification-stack';

const WEBHOOK_SECRET = 'sms-webhook-secret-0123456789';

describe('notifications over the api: centre, preferences, delivery log, gateways, acknowledge links, SMS replies', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let viettel: ApiClient;
  let vnpt: ApiClient;
  let responder: ApiClient;
  let leader: ApiClient;
  const createdGatewayIds: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    [admin, duty, viettel, vnpt, responder, leader] = await Promise.all(
      ['admin', 'trucban', 'viettel.lsn', 'vnpt.lsn', 'ungcuu.viettel', 'lanhdao'].map((username) => as(api.baseUrl, username)),
    );
  });

  afterAll(async () => {
    const gateways = await api.dataSource.getRepository(NotificationGatewayEntity).findBy({});
    await disableGateways(api.dataSource, gateways.filter((gateway) => createdGatewayIds.includes(gateway.id)));
    await api.close();
  });

  const userId = (client: ApiClient) => client.session.user.id;

  /** Reports an incident at a site of the operator (cluster staff report only their operator's). */
  async function report(client: ApiClient, operator: 'viettel' | 'vnpt', severity: string): Promise<IncidentDto> {
    const [site] = (await api.dataSource.query(`SELECT id FROM sites WHERE operator_code = $1 ORDER BY code LIMIT 1`, [operator])) as { id: string }[];
    const result = await client.request<IncidentDto>('POST', '/incidents', { siteId: site?.id, category: 'mains_failure', severity, description: 'Mất điện lưới, trạm đang chạy ắc quy' });
    if (result.status !== 201) throw new Error(`report failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  /** A disabled SMS gateway (nothing is sent) whose webhooks are signed with `secret`. */
  async function signedSmsGateway(label: string, secret = WEBHOOK_SECRET): Promise<NotificationGatewayDto> {
    const created = await admin.request<NotificationGatewayDto>('POST', '/notification-gateways', {
      kind: 'sms',
      name: uniqueName(label),
      url: 'http://127.0.0.1:9/sms',
      bodyTemplate: '{"to":"{{address}}","text":"{{text}}"}',
      webhookSecret: secret,
      enabled: false,
    });
    if (created.status !== 201) throw new Error(`gateway: ${created.status}`);
    createdGatewayIds.push(created.body.id);
    return created.body;
  }

  async function auditRows(entityId: string): Promise<{ action: string; actor_user_id: string | null; outcome: string; status_code: number | null }[]> {
    return api.dataSource.query(`SELECT action, actor_user_id, outcome, status_code FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);
  }

  /** An outbox row and (for in-app) its centre entry, as the workers leave them. */
  async function storedDelivery(options: {
    userId: string;
    incidentId: string | null;
    channel?: string;
    gatewayId?: string | null;
    address?: string | null;
    ackCode?: string | null;
    status?: string;
    providerMessageId?: string;
  }): Promise<string> {
    const [row] = (await api.dataSource.query(
      `INSERT INTO notification_deliveries (source_key, incident_id, recipient_user_id, channel, gateway_id, address, payload, urgency_rank, ack_code, status, sent_at, provider_message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, now(), $10) RETURNING id`,
      [
        `test-${randomUUID()}`,
        options.incidentId,
        options.userId,
        options.channel ?? 'in_app',
        options.gatewayId ?? null,
        options.address ?? null,
        JSON.stringify({ titleKey: 'escalation.fired', params: { reference: 'SC-TEST', level: 1 } }),
        options.ackCode ?? null,
        options.status ?? 'delivered',
        options.providerMessageId ?? null,
      ],
    )) as { id: string }[];
    if (!row) throw new Error('no delivery stored');
    if ((options.channel ?? 'in_app') === 'in_app') {
      await api.dataSource.query(`INSERT INTO notifications (user_id, incident_id, delivery_id, title_key, params) VALUES ($1, $2, $3, 'escalation.fired', $4)`, [
        options.userId,
        options.incidentId,
        row.id,
        JSON.stringify({ reference: 'SC-TEST', level: 1 }),
      ]);
    }
    return row.id;
  }

  describe('the centre', () => {
    it("lists only the caller's entries, counts the unread, marks one and then all read; another's id changes nothing", async () => {
      const incident = await report(duty, 'viettel', 'minor');
      await api.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId(duty)]);
      for (let index = 0; index < 3; index++) await storedDelivery({ userId: userId(duty), incidentId: incident.id });
      await storedDelivery({ userId: userId(leader), incidentId: incident.id });

      expect((await duty.request<InAppNotificationCountDto>('GET', '/notifications/unread-count')).body).toEqual({ unread: 3 });
      const unread = await duty.request<InAppNotificationDto[]>('GET', '/notifications?unread=true');
      expect(unread.status).toBe(200);
      expect(unread.body).toHaveLength(3);
      expect(unread.body.every((entry) => entry.incidentId === incident.id && entry.readAt === null && entry.titleKey === 'escalation.fired')).toBe(true);

      const [first] = unread.body;
      const leaderEntries = (await leader.request<InAppNotificationDto[]>('GET', '/notifications?unread=true')).body;
      const leaderEntry = leaderEntries[0];
      expect(leaderEntry).toBeDefined();
      expect((await duty.request<InAppNotificationCountDto>('POST', `/notifications/${leaderEntry?.id}/read`)).body).toEqual({ unread: 3 });
      expect((await leader.request<InAppNotificationDto[]>('GET', '/notifications?unread=true')).body.map((entry) => entry.id)).toContain(leaderEntry?.id);

      const afterOne = await duty.request<InAppNotificationCountDto>('POST', `/notifications/${first?.id}/read`);
      expect(afterOne).toEqual({ status: 200, body: { unread: 2 } });
      const all = (await duty.request<InAppNotificationDto[]>('GET', '/notifications?limit=200')).body;
      expect(all.find((entry) => entry.id === first?.id)?.readAt).not.toBeNull();
      expect((await duty.request<InAppNotificationCountDto>('POST', '/notifications/read-all')).body).toEqual({ unread: 0 });
      expect((await leader.request<InAppNotificationCountDto>('GET', '/notifications/unread-count')).body.unread).toBeGreaterThan(0);
    });

    it('names the bad parameter', async () => {
      const badLimit = await duty.request<ApiErrorBody>('GET', '/notifications?limit=500');
      expect(badLimit.status).toBe(400);
      expect(badLimit.body.fields).toEqual([expect.objectContaining({ field: 'limit', code: 'too_large' })]);
      const badId = await duty.request<ApiErrorBody>('POST', '/notifications/not-a-uuid/read');
      expect(badId.status).toBe(400);
      expect(badId.body.fields).toEqual([{ field: 'id', code: 'not_a_uuid' }]);
      expect((await http(api.baseUrl, 'GET', '/notifications')).status).toBe(401);
    });
  });

  describe('my channel preferences', () => {
    it('shows the defaults, replaces the severities given (audited), and names a bad channel', async () => {
      const before = (await responder.request<NotificationPreferenceDto[]>('GET', '/me/notification-preferences')).body;
      expect(before.map((entry) => entry.severity)).toEqual(['critical', 'major', 'minor', 'warning']);
      const saved = await responder.request<NotificationPreferenceDto[]>('PUT', '/me/notification-preferences', { preferences: [{ severity: 'minor', channels: ['in_app', 'sms'] }] });
      expect(saved.status).toBe(200);
      expect(saved.body.find((entry) => entry.severity === 'minor')?.channels).toEqual(['in_app', 'sms']);
      expect(saved.body.find((entry) => entry.severity === 'major')).toEqual(before.find((entry) => entry.severity === 'major'));
      expect((await auditRows(userId(responder))).some((row) => row.action === 'notification_preferences.update' && row.actor_user_id === userId(responder))).toBe(true);

      const bad = await responder.request<ApiErrorBody>('PUT', '/me/notification-preferences', { preferences: [{ severity: 'minor', channels: ['pigeon'] }] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'preferences.0.channels' })]);
      const unknown = await responder.request<ApiErrorBody>('PUT', '/me/notification-preferences', { preferences: [], extra: 1 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'extra', code: 'unknown_field' })]);
    });
  });

  describe('the delivery log', () => {
    it("shows an incident's deliveries within the incident scope, a person's to admins, and mine to me", async () => {
      const incident = await report(viettel, 'viettel', 'minor');
      const gateway = await api.dataSource.getRepository(NotificationGatewayEntity).save({ kind: 'sms', name: uniqueName('log-gateway'), url: 'http://127.0.0.1:9/sms', bodyTemplate: '{}', enabled: false });
      const deliveryId = await storedDelivery({ userId: userId(viettel), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986100001', status: 'failed' });

      const seen = await duty.request<NotificationDeliveryDto[]>('GET', `/incidents/${incident.id}/deliveries`);
      expect(seen.status).toBe(200);
      expect(seen.body.map((row) => row.id)).toEqual([deliveryId]);
      expect(seen.body[0]).toMatchObject({ channel: 'sms', status: 'failed', recipientUserId: userId(viettel) });
      expect((await viettel.request('GET', `/incidents/${incident.id}/deliveries`)).status).toBe(200);
      expect((await vnpt.request<ApiErrorBody>('GET', `/incidents/${incident.id}/deliveries`)).status).toBe(404);

      expect((await admin.request<NotificationDeliveryDto[]>('GET', `/users/${userId(viettel)}/deliveries`)).body.map((row) => row.id)).toContain(deliveryId);
      expect((await duty.request<ApiErrorBody>('GET', `/users/${userId(viettel)}/deliveries`)).status).toBe(403);
      expect((await admin.request<ApiErrorBody>('GET', `/users/${randomUUID()}/deliveries`)).status).toBe(404);
      expect((await viettel.request<NotificationDeliveryDto[]>('GET', '/me/deliveries')).body.map((row) => row.id)).toContain(deliveryId);
      expect((await vnpt.request<NotificationDeliveryDto[]>('GET', '/me/deliveries')).body.map((row) => row.id)).not.toContain(deliveryId);
    });
  });

  describe('gateways (admin)', () => {
    it('creates, lists without secrets, changes and tests a gateway; bad fields are named; others may not', async () => {
      const name = uniqueName('SMS brandname');
      const created = await admin.request<NotificationGatewayDto>('POST', '/notification-gateways', {
        kind: 'sms',
        name,
        url: 'http://127.0.0.1:9/sms',
        headers: { authorization: 'Bearer secret-token' },
        bodyTemplate: '{"to":"{{address}}","text":"{{text}}"}',
        rateLimitPerSecond: 10,
        webhookSecret: WEBHOOK_SECRET,
        enabled: false,
      });
      expect(created.status).toBe(201);
      createdGatewayIds.push(created.body.id);
      expect(created.body).toMatchObject({ name, kind: 'sms', headerNames: ['authorization'], hasWebhookSecret: true, enabled: false, rateLimitPerSecond: 10 });
      expect(JSON.stringify(created.body)).not.toContain('secret-token');
      expect(JSON.stringify(created.body)).not.toContain(WEBHOOK_SECRET);
      const listed = await admin.request<NotificationGatewayDto[]>('GET', '/notification-gateways');
      expect(listed.body.map((gateway) => gateway.id)).toContain(created.body.id);
      expect(JSON.stringify(listed.body)).not.toContain(WEBHOOK_SECRET);

      const disabledTest = await admin.request<ApiErrorBody>('POST', `/notification-gateways/${created.body.id}/test`, { address: '0912001001' });
      expect(disabledTest.status).toBe(409);
      expect(disabledTest.body.details).toMatchObject({ reason: 'gateway_disabled' });

      const patched = await admin.request<NotificationGatewayDto>('PATCH', `/notification-gateways/${created.body.id}`, {
        kind: 'sms',
        name,
        url: 'http://127.0.0.1:9/sms',
        bodyTemplate: '{"to":"{{address}}","text":"{{text}}"}',
        rateLimitPerSecond: 5,
        enabled: true,
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ rateLimitPerSecond: 5, enabled: true, hasWebhookSecret: true });

      const tested = await admin.request<NotificationDeliveryDto>('POST', `/notification-gateways/${created.body.id}/test`, { address: '0912001001' });
      expect(tested.status).toBe(202);
      expect(tested.body).toMatchObject({ gatewayId: created.body.id, channel: 'sms', address: '0912001001', recipientUserId: userId(admin), incidentId: null });
      expect((await admin.request<NotificationDeliveryDto[]>('GET', '/me/deliveries')).body.map((row) => row.id)).toContain(tested.body.id);
      expect((await auditRows(created.body.id)).map((row) => row.action)).toEqual(['notification_gateway.create', 'notification_gateway.update', 'notification_gateway.test']);
      // Keep later test files from sending through it: there is nothing listening.
      await api.dataSource.query(`UPDATE notification_deliveries SET status = 'failed', last_error = 'test' WHERE id = $1`, [tested.body.id]);

      const bad = await admin.request<ApiErrorBody>('POST', '/notification-gateways', { kind: 'sms', name: uniqueName('bad'), url: 'ftp://x', bodyTemplate: '{"t":"{{nope}}"}' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields?.map((problem) => problem.field)).toEqual(expect.arrayContaining(['url', 'bodyTemplate']));
      const badEmail = await admin.request<ApiErrorBody>('POST', '/notification-gateways', { kind: 'email', name: uniqueName('bad'), smtpPort: 70000 });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.fields).toEqual([expect.objectContaining({ field: 'smtpPort', code: 'too_large' })]);
      const kindChange = await admin.request<ApiErrorBody>('PATCH', `/notification-gateways/${created.body.id}`, { kind: 'zalo', name, url: 'http://127.0.0.1:9/z', bodyTemplate: '{}' });
      expect(kindChange.status).toBe(400);
      expect(kindChange.body.fields?.[0]?.field).toBe('kind');
      expect((await admin.request('PATCH', `/notification-gateways/${randomUUID()}`, { kind: 'sms', name, url: 'http://127.0.0.1:9/sms', bodyTemplate: '{}' })).status).toBe(404);
      for (const client of [duty, viettel, responder, leader]) expect((await client.request('GET', '/notification-gateways')).status).toBe(403);
    });
  });

  describe('the acknowledge link', () => {
    it('shows what it acknowledges, acknowledges as its person with the use and the audit lines, and refuses reuse', async () => {
      const links = api.app.get(AckLinkService);
      const incident = await report(duty, 'vnpt', 'major');
      const token = links.issue(incident.id, userId(vnpt));

      const vnptName = ((await api.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [userId(vnpt)])) as { display_name: string }[])[0]?.display_name;
      expect(vnptName).toBeTruthy();
      const preview = await http<AckLinkPreviewDto>(api.baseUrl, 'GET', `/ack/${token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ incident: { id: incident.id, status: 'reported' }, recipientName: vnptName });

      const redeemed = await http<IncidentDto>(api.baseUrl, 'POST', `/ack/${token}`);
      expect(redeemed.status).toBe(200);
      expect(redeemed.body).toMatchObject({ id: incident.id, status: 'acknowledged' });
      const rows = await auditRows(incident.id);
      expect(rows.filter((row) => row.action === 'incident.acknowledge')).toEqual([expect.objectContaining({ actor_user_id: userId(vnpt), outcome: 'success' })]);
      expect(rows.filter((row) => row.action === 'notification.ack_link.redeem')).toEqual([expect.objectContaining({ actor_user_id: userId(vnpt) })]);
      const timeline: { actor: string }[] = await api.dataSource.query(`SELECT actor FROM incident_events WHERE incident_id = $1 AND type = 'acknowledged'`, [incident.id]);
      expect(timeline.map((line) => line.actor)).toEqual([vnptName]);

      for (const method of ['POST', 'GET']) {
        const again = await http<ApiErrorBody>(api.baseUrl, method, `/ack/${token}`);
        expect(again.status).toBe(409);
        expect(again.body).toMatchObject({ code: 'conflict', details: { reason: 'ack_link_used' } });
      }
      expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_ack_uses WHERE incident_id = $1`, [incident.id]))[0]).toEqual({ n: 1 });
    });

    it('refuses an expired link and one we did not sign, each by its own answer, acknowledging nothing', async () => {
      const links = api.app.get(AckLinkService);
      const incident = await report(duty, 'viettel', 'minor');
      const expired = links.issue(incident.id, userId(duty), new Date(Date.now() - 13 * 3600_000));
      const stale = await http<ApiErrorBody>(api.baseUrl, 'POST', `/ack/${expired}`);
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'conflict', details: { reason: 'ack_link_expired' } });

      const valid = links.issue(incident.id, userId(duty));
      const tampered = `${valid.slice(0, -2)}${valid.endsWith('AA') ? 'BB' : 'AA'}`;
      expect((await http<ApiErrorBody>(api.baseUrl, 'POST', `/ack/${tampered}`)).body.code).toBe('not_found');
      const badShape = await http<ApiErrorBody>(api.baseUrl, 'GET', `/ack/${encodeURIComponent('not a token!')}`);
      expect(badShape.status).toBe(400);
      expect(badShape.body.fields).toEqual([{ field: 'token', code: 'invalid_format' }]);
      expect((await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`)).body.status).toBe('reported');
    });

    it('acknowledges and marks the link used in one transaction: when the use cannot be stored, nothing is acknowledged and the link still works', async () => {
      const links = api.app.get(AckLinkService);
      const incident = await report(duty, 'vnpt', 'major');
      const token = links.issue(incident.id, userId(vnpt));
      const check = links.verify(token);
      if (!check.ok) throw new Error('the test link does not verify');
      // A fault in the use's own write, after the acknowledgement was written in the same request.
      await queryAsOwner(`CREATE FUNCTION refuse_this_ack_use() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.token_id = '${check.claims.tokenId}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
      await queryAsOwner(`CREATE TRIGGER refuse_this_ack_use BEFORE INSERT ON notification_ack_uses FOR EACH ROW EXECUTE FUNCTION refuse_this_ack_use()`);
      try {
        expect((await http<ApiErrorBody>(api.baseUrl, 'POST', `/ack/${token}`)).status).toBe(500);
      } finally {
        await queryAsOwner(`DROP TRIGGER refuse_this_ack_use ON notification_ack_uses; DROP FUNCTION refuse_this_ack_use()`);
      }
      expect((await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`)).body.status).toBe('reported');
      const acknowledged = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'acknowledged'`, [incident.id]))[0].n;
      expect(await acknowledged()).toBe(0);
      expect((await auditRows(incident.id)).filter((row) => row.action === 'incident.acknowledge' && row.outcome === 'success')).toEqual([]);

      const redeemed = await http<IncidentDto>(api.baseUrl, 'POST', `/ack/${token}`);
      expect(redeemed.status).toBe(200);
      expect(redeemed.body.status).toBe('acknowledged');
      expect(await acknowledged()).toBe(1);
    });

    it("refuses a person whose role may not acknowledge (leadership) and keeps the link's use free", async () => {
      const links = api.app.get(AckLinkService);
      const incident = await report(duty, 'viettel', 'minor');
      const token = links.issue(incident.id, userId(leader));
      expect((await http<ApiErrorBody>(api.baseUrl, 'POST', `/ack/${token}`)).status).toBe(403);
      expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_ack_uses WHERE incident_id = $1`, [incident.id]))[0]).toEqual({ n: 0 });
    });
  });

  describe("a gateway's delivery receipts", () => {
    let gateway: NotificationGatewayDto;

    beforeAll(async () => {
      gateway = await signedSmsGateway('SMS receipts');
    });

    const post = (gatewayId: string, body: string, signature: string | null) =>
      rawRequest(api.baseUrl, 'POST', `/webhooks/gateways/${gatewayId}/receipts`, body, { 'content-type': 'text/plain', ...(signature === null ? {} : { 'x-signature': signature }) });
    const signed = (gatewayId: string, payload: unknown, secret = WEBHOOK_SECRET) => {
      const body = JSON.stringify(payload);
      return post(gatewayId, body, signWebhookBody(body, secret));
    };

    it('marks sent messages delivered or failed with the reason, shown in the delivery log; a repeat changes nothing; an unknown id is reported back', async () => {
      const incident = await report(duty, 'viettel', 'major');
      const delivered = await storedDelivery({ userId: userId(viettel), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986100001', status: 'sent', providerMessageId: `gw-${randomUUID()}` });
      const lost = await storedDelivery({ userId: userId(duty), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986100002', status: 'sent', providerMessageId: `gw-${randomUUID()}` });
      const providerIds: { id: string; provider_message_id: string }[] = await api.dataSource.query(`SELECT id, provider_message_id FROM notification_deliveries WHERE id = ANY($1::uuid[])`, [[delivered, lost]]);
      const providerId = (id: string) => providerIds.find((row) => row.id === id)?.provider_message_id ?? '';
      const unknown = `gw-${randomUUID()}`;

      const answer = await signed(gateway.id, {
        receipts: [
          { messageId: providerId(delivered), status: 'delivered' },
          { messageId: providerId(lost), status: 'failed', reason: 'thuê bao tắt máy / handset off' },
          { messageId: unknown, status: 'delivered' },
        ],
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ applied: 2, unchanged: 0, unmatched: [unknown] });
      const log = (await duty.request<NotificationDeliveryDto[]>('GET', `/incidents/${incident.id}/deliveries`)).body;
      expect(log.find((row) => row.id === delivered)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String), lastError: null });
      expect(log.find((row) => row.id === lost)).toMatchObject({ status: 'failed', deliveredAt: null, lastError: 'gateway receipt: thuê bao tắt máy / handset off' });

      // The gateway sends the same receipt again, and a late contrary one: the first word stands.
      const again = await signed(gateway.id, { messageId: providerId(delivered), status: 'failed' });
      expect(again.body).toEqual({ applied: 0, unchanged: 1, unmatched: [] });
      expect((await duty.request<NotificationDeliveryDto[]>('GET', `/incidents/${incident.id}/deliveries`)).body.find((row) => row.id === delivered)?.status).toBe('delivered');
    });

    it("applies a receipt only to its own gateway's messages", async () => {
      const other = await signedSmsGateway('SMS receipts other', 'other-gateway-secret-0123456789');
      const incident = await report(duty, 'viettel', 'major');
      const messageId = `gw-${randomUUID()}`;
      const id = await storedDelivery({ userId: userId(viettel), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986100001', status: 'sent', providerMessageId: messageId });
      expect((await signed(other.id, { messageId, status: 'failed' }, 'other-gateway-secret-0123456789')).body).toEqual({ applied: 0, unchanged: 0, unmatched: [messageId] });
      expect((await api.dataSource.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [id]))[0]).toEqual({ status: 'sent' });
    });

    it('refuses a bad signature (401, audited), an unknown gateway (404) and names each bad field, applying nothing', async () => {
      const incident = await report(duty, 'viettel', 'major');
      const messageId = `gw-${randomUUID()}`;
      const id = await storedDelivery({ userId: userId(viettel), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986100001', status: 'sent', providerMessageId: messageId });
      expect((await signed(gateway.id, { messageId, status: 'delivered' }, 'another-secret-0123456789')).status).toBe(401);
      expect((await post(gateway.id, JSON.stringify({ messageId, status: 'delivered' }), null)).status).toBe(401);
      const denied: { n: number }[] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'notification.receipt' AND entity_id = $1 AND outcome = 'denied'`, [gateway.id]);
      expect(denied[0]?.n).toBe(2);
      expect((await signed(randomUUID(), { messageId, status: 'delivered' })).status).toBe(404);

      const bad = await signed(gateway.id, { receipts: [{ messageId, status: 'delivered' }, { messageId: 7, status: 'read' }, 'x'] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual([
        { field: 'receipts.1.messageId', code: 'not_a_string' },
        { field: 'receipts.1.status', code: 'not_one_of', params: { allowed: ['delivered', 'failed'] } },
        { field: 'receipts.2', code: 'not_an_object' },
      ]);
      expect((await signed(gateway.id, { status: 'delivered' })).body.fields).toEqual([{ field: 'messageId', code: 'required' }]);
      expect((await signed(gateway.id, { receipts: [] })).body.fields).toEqual([{ field: 'receipts', code: 'too_few_items', params: { min: 1 } }]);
      expect((await signed(gateway.id, { receipts: Array.from({ length: 501 }, (_, i) => ({ messageId: `m${i}`, status: 'delivered' })) })).body.fields).toEqual([
        { field: 'receipts', code: 'too_many_items', params: { max: 500 } },
      ]);
      const notJson = 'delivered!';
      const garbled = await post(gateway.id, notJson, signWebhookBody(notJson, WEBHOOK_SECRET));
      expect(garbled.status).toBe(400);
      expect(garbled.body.fields).toEqual([{ field: 'body', code: 'invalid_format' }]);
      expect((await api.dataSource.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [id]))[0]).toEqual({ status: 'sent' });
    });
  });

  describe('the inbound SMS webhook', () => {
    let gateway: NotificationGatewayDto;

    beforeAll(async () => {
      gateway = await signedSmsGateway('SMS inbound');
    });

    const post = (gatewayId: string, body: string, signature: string | null, contentType = 'text/plain') =>
      rawRequest(api.baseUrl, 'POST', `/webhooks/sms/${gatewayId}`, body, { 'content-type': contentType, ...(signature === null ? {} : { 'x-signature': signature }) });

    it('acknowledges as the recipient when a signed reply carries the code of an SMS sent to that number; audited', async () => {
      const incident = await report(duty, 'viettel', 'major');
      await storedDelivery({ userId: userId(viettel), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986 100 001', ackCode: '424242', status: 'sent' });
      const body = JSON.stringify({ from: '+84986100001', text: 'OK 424242' });
      const answer = await post(gateway.id, body, signWebhookBody(body, WEBHOOK_SECRET));
      expect(answer.status).toBe(200);
      expect(answer.body as unknown as SmsReplyResultDto).toEqual({ acknowledged: true, incidentId: incident.id });
      expect((await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`)).body.status).toBe('acknowledged');
      const rows = await auditRows(incident.id);
      expect(rows.filter((row) => row.action === 'incident.acknowledge')).toEqual([expect.objectContaining({ actor_user_id: userId(viettel) })]);
      expect(rows.filter((row) => row.action === 'notification.sms_reply')).toEqual([expect.objectContaining({ actor_user_id: userId(viettel), outcome: 'success' })]);

      const repeat = await post(gateway.id, body, signWebhookBody(body, WEBHOOK_SECRET).replace('sha256=', ''));
      expect(repeat.body as unknown as SmsReplyResultDto).toEqual({ acknowledged: false, reason: 'not_acknowledgeable', incidentId: incident.id });
      const stranger = JSON.stringify({ from: '0999999999', text: '424242' });
      expect((await post(gateway.id, stranger, signWebhookBody(stranger, WEBHOOK_SECRET))).body as unknown as SmsReplyResultDto).toEqual({ acknowledged: false, reason: 'no_match' });
    });

    it('refuses a bad or missing signature with 401 and audits it as denied, acknowledging nothing', async () => {
      const incident = await report(duty, 'viettel', 'major');
      await storedDelivery({ userId: userId(viettel), incidentId: incident.id, channel: 'sms', gatewayId: gateway.id, address: '0986100001', ackCode: '515151', status: 'sent' });
      const body = JSON.stringify({ from: '0986100001', text: '515151' });
      const forged = await post(gateway.id, body, signWebhookBody(body, 'another-secret-0123456789'));
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('not_authenticated');
      expect((await post(gateway.id, body, null)).status).toBe(401);
      const denied: { n: number }[] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'notification.sms_reply' AND entity_id = $1 AND outcome = 'denied' AND status_code = 401`,
        [gateway.id],
      );
      expect(denied[0]?.n).toBe(2);
      expect((await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`)).body.status).toBe('reported');
    });

    it('answers an unknown gateway 404, a body without a code 400 naming the field, and checks an application/json body like any other', async () => {
      expect((await post(randomUUID(), '{}', 'x')).status).toBe(404);
      expect((await post('not-a-uuid', '{}', 'x')).status).toBe(404);
      const noCode = JSON.stringify({ from: '0986100001', text: 'ok' });
      const malformed = await post(gateway.id, noCode, signWebhookBody(noCode, WEBHOOK_SECRET));
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields).toEqual([{ field: 'text', code: 'invalid_format' }]);
      const json = JSON.stringify({ from: '0986100001', text: '515151' });
      const asJson = await post(gateway.id, json, signWebhookBody(json, WEBHOOK_SECRET), 'application/json');
      const asText = await post(gateway.id, json, signWebhookBody(json, WEBHOOK_SECRET));
      // The JSON parser keeps a webhook's bytes, so the signature is checked the same way whatever the type.
      expect(asJson.status).toBe(asText.status);
      expect(asJson.status).toBeLessThan(500);
      const forged = await post(gateway.id, json, 'f'.repeat(64), 'application/json');
      expect(forged.status).toBe(401);
    });
  });

  describe('the local run (npm start)', () => {
    it('seeds the demo gateways into the local sink, mailboxes and preferences once, adding nothing the second time', async () => {
      const rolledBack = new Error('roll back');
      const seen = await api.dataSource
        .transaction(async (em) => {
          const first = await seedDemoNotifications(em);
          const second = await seedDemoNotifications(em);
          const gateways = (await em.query(`SELECT name, kind, rate_limit_per_second, coalesce(url, smtp_host || ':' || smtp_port) AS target FROM notification_gateways WHERE name = ANY($1) ORDER BY kind`, [
            [DEMO_SMTP_GATEWAY, DEMO_SMS_GATEWAY],
          ])) as { name: string; kind: string; rate_limit_per_second: number; target: string }[];
          const withoutEmail = (await em.query(`SELECT count(*)::int AS n FROM users WHERE email IS NULL`)) as { n: number }[];
          throw Object.assign(rolledBack, { seen: { first, second, gateways, withoutEmail: withoutEmail[0]?.n } });
        })
        .catch((error: unknown) => (error === rolledBack ? (rolledBack as Error & { seen: unknown }).seen : Promise.reject(error)));
      expect(seen).toEqual({
        first: 2,
        second: 0,
        gateways: [
          { name: DEMO_SMTP_GATEWAY, kind: 'email', rate_limit_per_second: 10, target: '127.0.0.1:2525' },
          { name: DEMO_SMS_GATEWAY, kind: 'sms', rate_limit_per_second: 10, target: 'http://127.0.0.1:8025/sms' },
        ],
        withoutEmail: 0,
      });
      expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_gateways WHERE name = $1`, [DEMO_SMS_GATEWAY]))[0]).toEqual({ n: 0 });
    });
  });
});
