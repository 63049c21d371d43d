import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { ROLES, type Role } from '@netduty/contracts';
import { ACCESS_RULE, type AccessRule } from '../../apps/api/src/app/auth/access.decorators';
import { as, connectConsole, startApi, type ApiClient, type RunningApi } from './support/stack';

/** 'nms_key': a TMF642 route, for an NMS with its API key; no person's token opens it. */
type Expectation = 'public' | 'nms_key' | readonly Role[];
const ALL: readonly Role[] = ROLES;
const INCIDENT_WORKERS: readonly Role[] = ['duty_officer', 'cluster_staff', 'responder'];

/**
 * The declared access table: every route and socket event, and which roles get past authorisation.
 * Written by hand, independently of the role → permission map it checks. A route missing here, or
 * here but gone from the app, fails the suite — so no endpoint can ship without a decision.
 */
const ROUTES: Record<string, Expectation> = {
  'GET /health': 'public',
  'GET /health/mode': 'public',
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': ALL,
  'POST /auth/logout-everywhere': ALL,
  'GET /auth/me': ALL,
  'POST /auth/change-password': ALL,
  'GET /incidents': ALL,
  'GET /incidents/counts': ALL,
  'GET /incidents/export': ALL,
  'POST /incidents': ['duty_officer', 'cluster_staff'],
  'GET /incidents/:id': ALL,
  'GET /incidents/:id/candidate-responders': ['duty_officer', 'cluster_staff'],
  'POST /incidents/:id/acknowledge': INCIDENT_WORKERS,
  'POST /incidents/:id/assign': ['duty_officer', 'cluster_staff'],
  'POST /incidents/:id/comments': INCIDENT_WORKERS,
  'POST /incidents/:id/resolve': INCIDENT_WORKERS,
  'POST /incidents/:id/close': ['duty_officer'],
  'POST /incidents/:id/reopen': ['duty_officer'],
  // Only a responder acts on their own assignment (one not assigned to them is 404): assignment.spec.ts.
  'POST /incidents/:id/assignment/accept': ['responder'],
  'POST /incidents/:id/assignment/en-route': ['responder'],
  'POST /incidents/:id/assignment/on-site': ['responder'],
  // Reports on one incident (situation_report.write): the flash report and the cyber-incident forms.
  'POST /incidents/:id/flash-report': ['duty_officer'],
  'POST /incidents/:id/cyber-reports': ['duty_officer'],
  'GET /operators': ALL,
  'PATCH /operators/:code': ['admin'],
  'GET /communes': ALL,
  'GET /clusters': ALL,
  'POST /clusters': ['admin'],
  'PATCH /clusters/:id': ['admin'],
  'GET /responders': ALL,
  'POST /responders': ['admin'],
  'PATCH /responders/:id': ['admin'],
  'GET /on-duty-groups': ALL,
  'POST /on-duty-groups': ['admin'],
  'GET /on-duty-groups/:id': ALL,
  'PUT /on-duty-groups/:id': ['admin'],
  'GET /on-duty-groups/:id/shifts': ALL,
  'GET /on-duty/now': ALL,
  // The on-duty group adjusts rosters on the night (roster.adjust); who may be put on a shift is theirs to read.
  'POST /on-duty-groups/:id/overrides': ['admin', 'duty_officer'],
  'DELETE /on-duty-groups/:id/overrides/:overrideId': ['admin', 'duty_officer'],
  'POST /on-duty-groups/:id/swaps': ['admin', 'duty_officer'],
  'DELETE /on-duty-groups/:id/swaps/:swapId': ['admin', 'duty_officer'],
  'GET /on-duty-groups/:id/candidates': ['admin', 'duty_officer'],
  // Who may write or acknowledge one sheet depends on the roster (the use case answers 403): rosters.spec.ts.
  'GET /on-duty-groups/:id/handovers': ALL,
  'POST /on-duty-groups/:id/handovers': ALL,
  'POST /handovers/:id/acknowledge': ALL,
  'GET /sites': ALL,
  'GET /sites/state-summary': ALL,
  'GET /sites/map': ['admin', 'duty_officer', 'leadership'],
  'GET /analytics/network-safety': ['admin', 'duty_officer', 'leadership'],
  'GET /analytics/trends': ['admin', 'duty_officer', 'leadership'],
  'GET /analytics/incidents/:id/coverage-impact': ALL,
  'POST /sites': ['admin'],
  'PATCH /sites/:id': ['admin'],
  'GET /sites/dependencies/export': ['admin'],
  'POST /sites/dependencies/import': ['admin'],
  'GET /sla-policies': ['admin', 'duty_officer', 'cluster_staff', 'leadership'],
  'PUT /sla-policies/:severity/:priority': ['admin'],
  'GET /escalation-policies': ['admin', 'duty_officer', 'cluster_staff', 'leadership'],
  'POST /escalation-policies': ['admin'],
  'PUT /escalation-policies/:id': ['admin'],
  'GET /incidents/:id/chain': ALL,
  'POST /incidents/:id/escalate': ['duty_officer'],
  'POST /incidents/:id/de-escalate': ['duty_officer'],
  'GET /event-periods': ALL,
  'GET /event-periods/current': ALL,
  'POST /event-periods': ['admin'],
  'PUT /event-periods/:id': ['admin'],
  'GET /users': ['admin'],
  'POST /users': ['admin'],
  'GET /users/:id': ['admin'],
  'PATCH /users/:id': ['admin'],
  'POST /users/:id/reset-password': ['admin'],
  'POST /users/:id/logout-everywhere': ['admin'],
  'GET /notifications': ALL,
  'GET /notifications/unread-count': ALL,
  'POST /notifications/:id/read': ALL,
  'POST /notifications/read-all': ALL,
  'GET /me/notification-preferences': ALL,
  'PUT /me/notification-preferences': ALL,
  'GET /me/deliveries': ALL,
  'GET /incidents/:id/deliveries': ALL,
  'GET /users/:id/deliveries': ['admin'],
  'GET /notification-gateways': ['admin'],
  'POST /notification-gateways': ['admin'],
  'PATCH /notification-gateways/:id': ['admin'],
  'POST /notification-gateways/:id/test': ['admin'],
  // The signed token (or the webhook's signature) is the credential: notification-api.spec.ts.
  'GET /ack/:token': 'public',
  'POST /ack/:token': 'public',
  'POST /webhooks/sms/:gatewayId': 'public',
  'POST /webhooks/gateways/:gatewayId/receipts': 'public',
  'GET /audit': ['admin', 'leadership'],
  'GET /audit/export.csv': ['admin', 'leadership'],
  'GET /situation-reports': ['admin', 'duty_officer', 'leadership'],
  'POST /situation-reports': ['duty_officer'],
  'GET /situation-reports/:id': ['admin', 'duty_officer', 'leadership'],
  'PATCH /situation-reports/:id': ['duty_officer'],
  // The permission is the duty officers'; the roster then allows only the current shift lead (403 not_shift_lead: situation-reports.spec.ts).
  'POST /situation-reports/:id/sign-off': ['duty_officer'],
  'GET /situation-reports/:id/pdf': ['admin', 'duty_officer', 'leadership'],
  'GET /situation-reports/:id/xlsx': ['admin', 'duty_officer', 'leadership'],
  // Battery runtime and generators: read within the caller's scope, a team dispatched like a responder assigned (battery-countdown.spec.ts).
  'GET /battery/countdown': ALL,
  'GET /battery/outcomes': ALL,
  'POST /battery/dispatches': ['duty_officer', 'cluster_staff'],
  'POST /battery/dispatches/:id/depart': ['duty_officer', 'cluster_staff'],
  'POST /battery/dispatches/:id/arrive': ['duty_officer', 'cluster_staff'],
  'POST /battery/dispatches/:id/run': ['duty_officer', 'cluster_staff'],
  'POST /battery/dispatches/:id/stop': ['duty_officer', 'cluster_staff'],
  // Inter-operator roaming: read as the network-safety view, directed by the on-duty group only (roaming.spec.ts).
  'GET /roaming/proposals': ['admin', 'duty_officer', 'leadership'],
  'GET /roaming/requests': ['admin', 'duty_officer', 'leadership'],
  'POST /roaming/requests': ['duty_officer'],
  'POST /roaming/requests/:id/in-effect': ['duty_officer'],
  'POST /roaming/requests/:id/end': ['duty_officer'],
  'POST /roaming/dismissals': ['duty_officer'],
  // The operators' NMSs and their API keys: administrators (tmf642-alarms.spec.ts issues and revokes keys).
  'GET /nms-sources': ['admin'],
  'POST /nms-sources': ['admin'],
  'GET /nms-sources/:id/keys': ['admin'],
  'POST /nms-sources/:id/keys': ['admin'],
  'DELETE /nms-sources/:id/keys/:keyId': ['admin'],
  'PUT /nms-sources/:id/snmp-community': ['admin'],
  'DELETE /nms-sources/:id/snmp-community': ['admin'],
  'GET /nms-sources/:id/webhook-mapping': ['admin'],
  'PUT /nms-sources/:id/webhook-mapping': ['admin'],
  'POST /nms-sources/:id/webhook-mapping/dry-run': ['admin'],
  // The generic alarm webhook: an NMS with its key, under /api/v1 (not a TMF642 route).
  'POST /alarm-webhooks/:id': 'nms_key',
  // TMF642 at its own path, for an NMS's X-API-Key only (tmf642-alarms.spec.ts: keys, operators, owners).
  'POST /tmf-api/alarm/v4/alarm': 'nms_key',
  'GET /tmf-api/alarm/v4/alarm': 'nms_key',
  'GET /tmf-api/alarm/v4/alarm/:id': 'nms_key',
  'PATCH /tmf-api/alarm/v4/alarm/:id': 'nms_key',
  'POST /tmf-api/alarm/v4/ackAlarms': 'nms_key',
  'POST /tmf-api/alarm/v4/clearAlarms': 'nms_key',
  'POST /tmf-api/alarm/v4/commentAlarms': 'nms_key',
  'POST /tmf-api/alarm/v4/groupAlarms': 'nms_key',
  'POST /tmf-api/alarm/v4/hub': 'nms_key',
  'DELETE /tmf-api/alarm/v4/hub/:id': 'nms_key',
  // TMF621 at its own path, for a ticketing system's X-API-Key only (tmf621-trouble-tickets.spec.ts: operators, statuses).
  'POST /tmf-api/troubleTicket/v4/troubleTicket': 'nms_key',
  'GET /tmf-api/troubleTicket/v4/troubleTicket': 'nms_key',
  'GET /tmf-api/troubleTicket/v4/troubleTicket/:id': 'nms_key',
  'PATCH /tmf-api/troubleTicket/v4/troubleTicket/:id': 'nms_key',
  'POST /tmf-api/troubleTicket/v4/hub': 'nms_key',
  'DELETE /tmf-api/troubleTicket/v4/hub/:id': 'nms_key',
};

/** TMF642 routes are outside the api's prefix. */
function urlPath(path: string): string {
  return path.startsWith('/tmf-api/') ? path : `/api/v1${path}`;
}

const SOCKET_EVENTS: Record<string, Expectation> = {
  'clock.sync': ALL,
};

const DEMO_USER: Record<Role, string> = {
  admin: 'admin',
  duty_officer: 'trucban',
  cluster_staff: 'viettel.lsn',
  responder: 'ungcuu.viettel',
  leadership: 'lanhdao',
};

interface DeclaredRoute {
  key: string;
  rule: AccessRule | undefined;
}

function declaredRoutes(api: RunningApi): DeclaredRoute[] {
  const discovery = api.app.get(DiscoveryService);
  const scanner = api.app.get(MetadataScanner);
  const reflector = api.app.get(Reflector);
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = `/${[prefix, path].map((part) => part.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
      routes.push({
        key: `${RequestMethod[method]} ${full}`,
        rule: reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, wrapper.metatype]),
      });
    }
  }
  return routes;
}

function declaredSocketEvents(api: RunningApi): { event: string; rule: AccessRule | undefined }[] {
  const discovery = api.app.get(DiscoveryService);
  const scanner = api.app.get(MetadataScanner);
  const reflector = api.app.get(Reflector);
  const events: { event: string; rule: AccessRule | undefined }[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const event = Reflect.getMetadata(MESSAGE_METADATA, handler) as string | undefined;
      if (event === undefined) continue;
      events.push({ event, rule: reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, wrapper.metatype as object]) });
    }
  }
  return events;
}

/** A concrete URL for a route pattern; ids are random but well-formed, so only authorisation decides. */
function concrete(path: string): string {
  return path
    .replace(':id', '00000000-0000-4000-8000-000000000001')
    .replace(':code', 'viettel')
    .replace(':severity', 'minor')
    .replace(':priority', 'P2');
}

describe('authorisation matrix', () => {
  let api: RunningApi;
  const clients = {} as Record<Role, ApiClient>;

  beforeAll(async () => {
    api = await startApi();
    for (const role of ROLES) clients[role] = await as(api.baseUrl, DEMO_USER[role]);
  });

  afterAll(() => api.close());

  it('has a declared access rule for every route of the app, and a row in the table for each', () => {
    const routes = declaredRoutes(api);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !route.rule).map((route) => route.key)).toEqual([]);
    expect(routes.map((route) => route.key).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('has a declared access rule for every socket event, and a row in the table for each', () => {
    const events = declaredSocketEvents(api);
    expect(events.filter((event) => !event.rule).map((event) => event.event)).toEqual([]);
    expect(events.map((event) => event.event).sort()).toEqual(Object.keys(SOCKET_EVENTS).sort());
  });

  const cases = Object.entries(ROUTES).flatMap(([route, expected]) =>
    expected === 'nms_key' ? [] : ROLES.map((role) => [route, role, expected === 'public' || expected.includes(role)] as const),
  );

  it.each(cases)('%s as %s → allowed: %s', async (route, role, allowed) => {
    const [method, path] = route.split(' ') as [string, string];
    // Refresh and login are public; exercising them here would rotate the test's own sessions.
    if (path === '/auth/logout' || path === '/auth/logout-everywhere' || path === '/auth/refresh') return;
    const { status, body } = await clients[role].request<{ code?: string }>(method, concrete(path), method === 'GET' ? undefined : {});
    if (allowed) {
      expect([401, 403]).not.toContain(status);
    } else {
      expect(status).toBe(403);
      expect(body.code).toBe('forbidden');
    }
  });

  const nmsRoutes = Object.keys(ROUTES).filter((route) => ROUTES[route] === 'nms_key');
  it.each(nmsRoutes.flatMap((route) => ROLES.map((role) => [route, role] as const)))('%s with the token of a %s but no NMS key → 401', async (route, role) => {
    const [method, path] = route.split(' ') as [string, string];
    const response = await fetch(`${api.baseUrl}${urlPath(concrete(path))}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clients[role].session.token}` },
      body: method === 'GET' ? undefined : '{}',
    });
    expect(response.status).toBe(401);
    // TMF642 routes answer in TMF630's Error shape; the webhook (under /api/v1) in the api's own.
    expect(((await response.json()) as { code: string; '@type'?: string })).toMatchObject({ code: 'not_authenticated', ...(path.startsWith('/tmf-api/') ? { '@type': 'Error' } : {}) });
  });

  it.each(Object.keys(ROUTES).filter((route) => ROUTES[route] !== 'public'))('%s without a token → 401', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const response = await fetch(`${api.baseUrl}${urlPath(concrete(path))}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('not_authenticated');
  });

  it('logs the session out on logout and everywhere on logout-everywhere, for every role', async () => {
    for (const role of ROLES) {
      const own = await as(api.baseUrl, DEMO_USER[role]);
      expect((await own.request('POST', '/auth/logout')).status).toBe(204);
      expect((await own.request('GET', '/auth/me')).status).toBe(401);
    }
  });

  it.each(Object.entries(SOCKET_EVENTS))('socket event %s is answered for every allowed role', async (event, expected) => {
    for (const role of ROLES) {
      const socket = await connectConsole(api.baseUrl, clients[role].session.token);
      try {
        const allowed = expected === 'public' || expected.includes(role);
        const answer = await Promise.race([
          new Promise<string>((resolve) => socket.emit(event as 'clock.sync', resolve)),
          new Promise<string>((resolve) => socket.once('exception' as never, () => resolve('exception'))),
        ]);
        if (allowed) expect(Date.parse(answer)).not.toBeNaN();
        else expect(answer).toBe('exception');
      } finally {
        socket.disconnect();
      }
    }
  });
});
