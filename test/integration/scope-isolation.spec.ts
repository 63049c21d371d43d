import { JwtService } from '@nestjs/jwt';
import type { IncidentDto, Page, SiteSummaryDto } from '@netduty/contracts';
import { SOCKET_ROOMS } from '@netduty/contracts';
import { as, connectConsole, nextEvent, reportIncident, startApi, type ApiClient, type ConsoleSocket, type RunningApi } from './support/stack';

/** A site of one operator, found through a duty officer (who sees every operator). */
async function siteOf(duty: ApiClient, operator: string): Promise<SiteSummaryDto> {
  const { body } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=dong%20kinh&limit=50');
  const site = body.find((candidate) => candidate.operator.code === operator);
  if (!site) throw new Error(`no ${operator} site in Đông Kinh`);
  return site;
}

describe('per-operator isolation (no IDOR over REST or socket)', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let viettel: ApiClient;
  let vnpt: ApiClient;
  let vnptIncident: IncidentDto;
  let viettelSite: SiteSummaryDto;
  let vnptSite: SiteSummaryDto;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    viettel = await as(api.baseUrl, 'viettel.lsn');
    vnpt = await as(api.baseUrl, 'vnpt.lsn');
    viettelSite = await siteOf(duty, 'viettel');
    vnptSite = await siteOf(duty, 'vnpt');
    vnptIncident = await reportIncident(vnpt, vnptSite, { description: 'VNPT only' });
  });

  afterAll(() => api.close());

  it("lists only the caller's operator's incidents and sites", async () => {
    const { body: board } = await viettel.request<Page<IncidentDto>>('GET', '/incidents?open=false');
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.every((incident) => incident.site.operator.code === 'viettel')).toBe(true);
    const { body: sites } = await viettel.request<SiteSummaryDto[]>('GET', '/sites?q=dong%20kinh&limit=50');
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.every((site) => site.operator.code === 'viettel')).toBe(true);
    const { body: dutyBoard } = await duty.request<Page<IncidentDto>>('GET', '/incidents?open=false');
    expect(new Set(dutyBoard.items.map((incident) => incident.site.operator.code)).size).toBeGreaterThan(1);
  });

  it.each([
    ['GET', '', undefined],
    ['GET', '/candidate-responders', undefined],
    ['POST', '/comments', { text: 'xem trộm' }],
    ['POST', '/resolve', {}],
    ['POST', '/assign', { responderIds: ['00000000-0000-4000-8000-000000000001'] }],
  ] as const)("answers 404 to %s /incidents/<another operator's id>%s and changes nothing", async (method, suffix, body) => {
    const before = await duty.request<{ timeline: unknown[]; status: string }>('GET', `/incidents/${vnptIncident.id}`);
    const result = await viettel.request<{ code: string }>(method, `/incidents/${vnptIncident.id}${suffix}`, body);
    expect(result.status).toBe(404);
    expect(result.body.code).toBe('not_found');
    const after = await duty.request<{ timeline: unknown[]; status: string }>('GET', `/incidents/${vnptIncident.id}`);
    expect(after.body.timeline).toHaveLength(before.body.timeline.length);
    expect(after.body.status).toBe(before.body.status);
  });

  it("refuses to report on another operator's site as if it did not exist", async () => {
    const result = await viettel.request<{ fields: { field: string }[] }>('POST', '/incidents', {
      siteId: vnptSite.id,
      category: 'fibre_cut',
      severity: 'major',
      description: 'thử báo hộ',
    });
    expect(result.status).toBe(400);
    expect(result.body.fields[0]?.field).toBe('siteId');
  });

  it("never delivers another operator's events to a cluster console, even when it asks to join their room", async () => {
    const viettelSocket: ConsoleSocket = await connectConsole(api.baseUrl, viettel.session.token);
    const dutySocket: ConsoleSocket = await connectConsole(api.baseUrl, duty.session.token);
    try {
      const leaked: string[] = [];
      viettelSocket.on('incident.created', (incident) => leaked.push(incident.site.operator.code));
      // There is no join event; emitting one must not change the socket's rooms.
      (viettelSocket as unknown as { emit(event: string, room: string): void }).emit('join', SOCKET_ROOMS.operator('vnpt'));
      (viettelSocket as unknown as { emit(event: string, room: string): void }).emit('subscribe', SOCKET_ROOMS.all);

      const seenByDuty = nextEvent(dutySocket, 'incident.created', (incident) => incident.description === 'VNPT #2');
      const ownSeen = nextEvent(viettelSocket, 'incident.created', (incident) => incident.description === 'Viettel #2');
      await reportIncident(vnpt, vnptSite, { description: 'VNPT #2' });
      await seenByDuty;
      // Viettel's own incident, reported after VNPT's, arrives: so VNPT's would have arrived first.
      await reportIncident(viettel, viettelSite, { description: 'Viettel #2' });
      await ownSeen;
      expect(leaked).toEqual(['viettel']);
    } finally {
      viettelSocket.disconnect();
      dutySocket.disconnect();
    }
  });

  it('refuses a socket without a token, with an expired or forged token, or from a foreign Origin', async () => {
    await expect(connectConsole(api.baseUrl, '')).rejects.toThrow(/not authenticated/);
    await expect(connectConsole(api.baseUrl, `${duty.session.token}x`)).rejects.toThrow(/invalid access token/);
    // A genuine token, signed with the real secret, whose time is up.
    const claims = api.app.get(JwtService).decode<{ sub: string; sid: string; ver: number; role: string }>(duty.session.token);
    const expired = api.app.get(JwtService).sign(
      { sub: claims.sub, sid: claims.sid, ver: claims.ver, role: claims.role, exp: Math.floor(Date.now() / 1000) - 5 },
      { algorithm: 'HS256' },
    );
    await expect(connectConsole(api.baseUrl, expired)).rejects.toThrow(/access token expired/);
    expect((await duty.request('GET', '/auth/me', undefined, { authorization: `Bearer ${expired}` })).status).toBe(401);
    await expect(connectConsole(api.baseUrl, duty.session.token, { origin: 'https://evil.example' })).rejects.toThrow(/origin not allowed/);
    const allowed = await connectConsole(api.baseUrl, duty.session.token, { origin: 'http://localhost:4200' });
    allowed.disconnect();
  });

  it('shows a responder only the incidents assigned to them', async () => {
    const responder = await as(api.baseUrl, 'ungcuu.viettel');
    const { body } = await responder.request<Page<IncidentDto>>('GET', '/incidents?open=false');
    const me = await responder.request<{ responderId: string }>('GET', '/auth/me');
    expect(body.items.length).toBeGreaterThan(0);
    for (const incident of body.items) {
      expect(incident.responders.map((assigned) => assigned.id)).toContain(me.body.responderId);
    }
    expect((await responder.request('GET', `/incidents/${vnptIncident.id}`)).status).toBe(404);
  });
});
