import type { ClusterDto, ResponderDto } from '@netduty/contracts';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';

describe('responders kept by administrators', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let cluster: ClusterDto;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    const { body: clusters } = await admin.request<ClusterDto[]>('GET', '/clusters');
    const first = clusters[0];
    if (!first) throw new Error('no cluster in the demo data');
    cluster = first;
  });

  afterAll(() => api.close());

  it('creates, renames, moves and retires a responder, each change audited, and retired ones are not suggested', async () => {
    const created = await admin.request<ResponderDto>('POST', '/responders', { clusterId: cluster.id, name: '  Hà Văn Quyết ', phone: '0987 654 321' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Hà Văn Quyết', phone: '0987 654 321', clusterId: cluster.id, active: true });
    const retired = await admin.request<ResponderDto>('PATCH', `/responders/${created.body.id}`, { active: false, name: 'Hà Văn Quyết (nghỉ)' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ active: false, name: 'Hà Văn Quyết (nghỉ)' });
    const audit = (await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id])) as { action: string }[];
    expect(audit.map((row) => row.action)).toEqual(['responder.create', 'responder.update']);
    const listed = await admin.request<ResponderDto[]>('GET', `/responders?clusterId=${cluster.id}`);
    expect(listed.body.find((responder) => responder.id === created.body.id)?.active).toBe(false);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await api.dataSource.query(`SELECT count(*)::int AS n FROM responders`)) as { n: number }[];
    const cases: [unknown, string][] = [
      [{ clusterId: cluster.id, name: '', phone: '0987 654 321' }, 'name'],
      [{ clusterId: cluster.id, name: 'A', phone: 'gọi tôi' }, 'phone'],
      [{ clusterId: '00000000-0000-4000-8000-000000000000', name: 'A', phone: '0987 654 321' }, 'clusterId'],
      [{ clusterId: 'x', name: 'A', phone: '0987 654 321' }, 'clusterId'],
      [{ clusterId: cluster.id, name: 'A', phone: '0987 654 321', active: 'yes' }, 'active'],
    ];
    for (const [body, field] of cases) {
      const result = await admin.request<{ fields: { field: string }[] }>('POST', '/responders', body);
      expect(result.status).toBe(400);
      expect(result.body.fields.map((problem) => problem.field)).toContain(field);
    }
    const missing = await admin.request('PATCH', '/responders/00000000-0000-4000-8000-000000000000', { name: 'B' });
    expect(missing.status).toBe(404);
    const after = (await api.dataSource.query(`SELECT count(*)::int AS n FROM responders`)) as { n: number }[];
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
