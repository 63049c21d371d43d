import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LINK_TRAPS, POWER_CABINET_MIB, SnmpTrapReceiver, type SnmpTrapStats } from '@netduty/alarms';
import type { ApiErrorBody, NmsSourceDto } from '@netduty/contracts';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';

const run = randomBytes(3).toString('hex');
const execFileAsync = promisify(execFile);

/** A UDP port on 127.0.0.1 that nothing is bound to right now. */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** Polls until check gives a value (not undefined), every 50 ms, failing at the deadline with what it last saw. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, deadlineMs = 15_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cabinetTrap = (trap: number) => `${POWER_CABINET_MIB.traps}.${trap}`;

interface AlarmRow {
  id: string;
  state: string;
  perceived_severity: string;
  alarm_type: string;
  probable_cause: string;
  specific_problem: string | null;
  site_code: string;
  operator_code: string;
  alarm_raised_time: Date;
  alarm_cleared_time: Date | null;
  cleared_without_raise: boolean;
  details: { snmp?: { version?: string; trapName?: string } };
}

/**
 * SNMP traps end to end: Debian's snmptrap (net-snmp's C tools) sends real v2c and v3 traps to the api's
 * receiver on a free UDP port; the alarms are awaited in Postgres, written by the same intake as TMF642.
 */
describe('SNMP trap receiver', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let port: number;
  let receiver: SnmpTrapReceiver;
  let siteCode: string;
  let otherSiteCode: string;
  let vnptSiteCode: string;
  let snmpHome: string;
  const v2cSource = `viettel-snmp-${run}`;
  const v3Source = `viettel-snmpv3-${run}`;
  const community = `nd-${run}-community`;
  const v3User = `nd${run}`;
  const authKey = `auth-${run}-secret`;
  const privKey = `priv-${run}-secret`;

  /** snmptrap as an operator's element runs it; numeric OIDs only, no MIB files, its state in a temporary home. */
  async function snmptrap(args: string[]): Promise<void> {
    await execFileAsync('snmptrap', ['-m', '', '-M', snmpHome, ...args], { env: { ...process.env, SNMP_PERSISTENT_DIR: snmpHome, SNMPCONFPATH: snmpHome, HOME: snmpHome }, timeout: 10_000 });
  }
  const target = () => `127.0.0.1:${port}`;
  const v2c = (trapOid: string, varbinds: string[], withCommunity = community) => snmptrap(['-v', '2c', '-c', withCommunity, target(), '', trapOid, ...varbinds]);
  const v3 = (trapOid: string, varbinds: string[], auth = authKey) =>
    snmptrap(['-v', '3', '-e', '0x8000000001020304', '-u', v3User, '-l', 'authPriv', '-a', 'SHA', '-A', auth, '-x', 'AES', '-X', privKey, target(), '', trapOid, ...varbinds]);
  const site = (code: string) => [POWER_CABINET_MIB.siteCode, 's', code];

  async function alarm(sourceSystemId: string, externalAlarmId: string): Promise<AlarmRow[]> {
    return (await api.dataSource.query(
      `SELECT a.id, a.state, a.perceived_severity, a.alarm_type, a.probable_cause, a.specific_problem, s.code AS site_code, a.operator_code,
              a.alarm_raised_time, a.alarm_cleared_time, a.cleared_without_raise, a.details
         FROM alarms a JOIN sites s ON s.id = a.site_id
        WHERE a.source_system_id = $1 AND a.external_alarm_id = $2`,
      [sourceSystemId, externalAlarmId],
    )) as AlarmRow[];
  }
  const awaitAlarm = (sourceSystemId: string, externalAlarmId: string, accept: (row: AlarmRow) => boolean = () => true) =>
    eventually(`alarm ${externalAlarmId}`, async () => {
      const [row] = await alarm(sourceSystemId, externalAlarmId);
      return row && accept(row) ? row : undefined;
    });
  const awaitCount = (counter: keyof SnmpTrapStats, atLeast: number) =>
    eventually(`${counter} ≥ ${atLeast}`, () => Promise.resolve(receiver.stats()[counter] >= atLeast ? receiver.stats() : undefined));

  beforeAll(async () => {
    snmpHome = mkdtempSync(join(tmpdir(), 'netduty-snmptrap-'));
    port = await freeUdpPort();
    api = await startApi({
      SNMP_TRAP_PORT: String(port),
      SNMP_TRAP_ADDRESS: '127.0.0.1',
      SNMP_V3_USERS: JSON.stringify([{ user: v3User, sourceSystemId: v3Source, authKey, privKey }]),
    });
    receiver = api.app.get(SnmpTrapReceiver);
    admin = await as(api.baseUrl, 'admin');
    for (const id of [v2cSource, v3Source]) {
      const created = await admin.request<NmsSourceDto>('POST', '/nms-sources', { id, operatorCode: 'viettel', name: `SNMP ${id}` });
      if (created.status !== 201) throw new Error(`source ${id}: ${created.status} ${JSON.stringify(created.body)}`);
    }
    const set = await admin.request('PUT', `/nms-sources/${v2cSource}/snmp-community`, { community });
    if (set.status !== 204) throw new Error(`community: ${set.status} ${JSON.stringify(set.body)}`);
    const viettel = (await api.dataSource.query(`SELECT code FROM sites WHERE operator_code = 'viettel' ORDER BY code LIMIT 2`)) as { code: string }[];
    const [vnpt] = (await api.dataSource.query(`SELECT code FROM sites WHERE operator_code = 'vnpt' ORDER BY code LIMIT 1`)) as { code: string }[];
    if (!viettel[0] || !viettel[1] || !vnpt) throw new Error('the demo province lacks viettel or vnpt sites');
    [siteCode, otherSiteCode, vnptSiteCode] = [viettel[0].code, viettel[1].code, vnpt.code];
  });

  afterAll(async () => {
    await api?.close();
    rmSync(snmpHome, { recursive: true, force: true });
  });

  it('refuses a malformed community, an unknown source and a community another source has, naming the field', async () => {
    const short = await admin.request<ApiErrorBody>('PUT', `/nms-sources/${v3Source}/snmp-community`, { community: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.fields?.map((problem) => problem.field)).toEqual(['community']);
    const spaced = await admin.request('PUT', `/nms-sources/${v3Source}/snmp-community`, { community: 'has a space' });
    expect(spaced.status).toBe(400);
    expect((await admin.request('PUT', `/nms-sources/no-such-${run}/snmp-community`, { community: `nd-${run}-other` })).status).toBe(404);
    const taken = await admin.request<ApiErrorBody>('PUT', `/nms-sources/${v3Source}/snmp-community`, { community });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'already_exists', fields: [expect.objectContaining({ field: 'community' })] });
    const [row] = (await api.dataSource.query(`SELECT snmp_community_hash FROM nms_sources WHERE id = $1`, [v3Source])) as { snmp_community_hash: string | null }[];
    expect(row?.snmp_community_hash).toBeNull();
  });

  it('keeps only the hash of a v2c community', async () => {
    const [row] = (await api.dataSource.query(`SELECT snmp_community_hash FROM nms_sources WHERE id = $1`, [v2cSource])) as { snmp_community_hash: string }[];
    expect(row?.snmp_community_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.snmp_community_hash).not.toContain(community);
  });

  it('raises an alarm from a v2c AC mains failure trap, with the mapped fields, and clears it with the restore trap', async () => {
    await v2c(cabinetTrap(1), [...site(siteCode), POWER_CABINET_MIB.severity, 'i', '1']);
    const raised = await awaitAlarm(v2cSource, `snmp:acMainsFailure:${siteCode}`);
    expect(raised).toMatchObject({
      state: 'raised',
      perceived_severity: 'critical',
      alarm_type: 'environmentalAlarm',
      probable_cause: 'commercialPowerFailure',
      specific_problem: 'AC mains failure',
      site_code: siteCode,
      operator_code: 'viettel',
      alarm_cleared_time: null,
      details: { snmp: { version: 'v2c', trapName: 'pcAcMainsFailure' } },
    });

    await v2c(cabinetTrap(2), site(siteCode));
    const cleared = await awaitAlarm(v2cSource, `snmp:acMainsFailure:${siteCode}`, (row) => row.state === 'cleared');
    expect(cleared).toMatchObject({ id: raised.id, perceived_severity: 'cleared', cleared_without_raise: false });
    expect(cleared.alarm_raised_time.toISOString()).toBe(raised.alarm_raised_time.toISOString());
    expect(cleared.alarm_cleared_time).not.toBeNull();
  });

  it('keeps a trap sent twice as one alarm', async () => {
    const before = receiver.stats().accepted;
    await v2c(cabinetTrap(5), site(otherSiteCode));
    await v2c(cabinetTrap(5), site(otherSiteCode));
    await awaitCount('accepted', before + 2);
    const rows = await alarm(v2cSource, `snmp:dcLowVoltage:${otherSiteCode}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'raised', perceived_severity: 'critical', probable_cause: 'lowBatteryThreshold' });
  });

  it('maps a standard linkDown per interface, with sysName.0 as the site, and linkUp clears only that interface', async () => {
    const sysName = ['1.3.6.1.2.1.1.5.0', 's', siteCode];
    await v2c(LINK_TRAPS.linkDown, [`${LINK_TRAPS.ifIndex}.3`, 'i', '3', ...sysName]);
    await v2c(LINK_TRAPS.linkDown, [`${LINK_TRAPS.ifIndex}.4`, 'i', '4', ...sysName]);
    await awaitAlarm(v2cSource, `snmp:linkDown:${siteCode}:4`);
    expect(await awaitAlarm(v2cSource, `snmp:linkDown:${siteCode}:3`)).toMatchObject({ probable_cause: 'lossOfSignal', state: 'raised' });
    await v2c(LINK_TRAPS.linkUp, [`${LINK_TRAPS.ifIndex}.3`, 'i', '3', ...sysName]);
    await awaitAlarm(v2cSource, `snmp:linkDown:${siteCode}:3`, (row) => row.state === 'cleared');
    expect((await alarm(v2cSource, `snmp:linkDown:${siteCode}:4`))[0]?.state).toBe('raised');
  });

  it('drops a trap with a wrong community, counted, and writes nothing', async () => {
    const before = receiver.stats().unknownCommunity;
    await v2c(cabinetTrap(7), site(otherSiteCode), `wrong-${run}`);
    await v2c(cabinetTrap(7), site(otherSiteCode), `wrong-${run}`);
    await awaitCount('unknownCommunity', before + 2);
    // A trap sent after them with the right community is written, so the dropped ones had their turn.
    await v2c(cabinetTrap(3), site(otherSiteCode));
    await awaitAlarm(v2cSource, `snmp:onBatteries:${otherSiteCode}`);
    expect(await alarm(v2cSource, `snmp:generatorOn:${otherSiteCode}`)).toHaveLength(0);
  });

  it('raises and clears from authenticated, encrypted v3 traps of the user’s source', async () => {
    await v3(cabinetTrap(7), site(siteCode));
    const raised = await awaitAlarm(v3Source, `snmp:generatorOn:${siteCode}`);
    expect(raised).toMatchObject({ state: 'raised', specific_problem: 'Generator on', perceived_severity: 'minor', site_code: siteCode, details: { snmp: { version: 'v3' } } });
    await v3(cabinetTrap(8), site(siteCode));
    await awaitAlarm(v3Source, `snmp:generatorOn:${siteCode}`, (row) => row.state === 'cleared');
  });

  it('refuses a v3 trap whose authentication key is wrong', async () => {
    const before = receiver.stats().notAuthenticated;
    await v3(cabinetTrap(5), site(siteCode), `wrong-${run}-auth`);
    await awaitCount('notAuthenticated', before + 1);
    expect(await alarm(v3Source, `snmp:dcLowVoltage:${siteCode}`)).toHaveLength(0);
  });

  it('stores a clear that has no raise as a cleared alarm, as TMF642 does', async () => {
    await v2c(cabinetTrap(6), site(siteCode));
    expect(await awaitAlarm(v2cSource, `snmp:dcLowVoltage:${siteCode}`)).toMatchObject({ state: 'cleared', cleared_without_raise: true });
  });

  it('drops v2c traps of a source whose community was removed', async () => {
    const spare = `viettel-snmp2-${run}`;
    expect((await admin.request('POST', '/nms-sources', { id: spare, operatorCode: 'viettel', name: 'spare' })).status).toBe(201);
    const spareCommunity = `nd-${run}-spare`;
    expect((await admin.request('PUT', `/nms-sources/${spare}/snmp-community`, { community: spareCommunity })).status).toBe(204);
    const listed = async () => (await admin.request<NmsSourceDto[]>('GET', '/nms-sources')).body.find((source) => source.id === spare)?.snmpCommunitySet;
    expect(await listed()).toBe(true);
    await v2c(cabinetTrap(1), site(otherSiteCode), spareCommunity);
    await awaitAlarm(spare, `snmp:acMainsFailure:${otherSiteCode}`);
    expect((await admin.request('DELETE', `/nms-sources/${spare}/snmp-community`)).status).toBe(204);
    expect(await listed()).toBe(false);
    const before = receiver.stats().unknownCommunity;
    await v2c(cabinetTrap(2), site(otherSiteCode), spareCommunity);
    await awaitCount('unknownCommunity', before + 1);
    expect((await alarm(spare, `snmp:acMainsFailure:${otherSiteCode}`))[0]?.state).toBe('raised');
  });

  it('counts and drops unmapped OIDs, unknown sites and sites of another operator', async () => {
    const before = receiver.stats();
    await v2c('1.3.6.1.4.1.8072.9999.642.0.99', site(siteCode));
    await v2c(cabinetTrap(1), site(`NO-SUCH-${run}`));
    await v2c(cabinetTrap(1), site(vnptSiteCode));
    await awaitCount('unmapped', before.unmapped + 1);
    await awaitCount('unknownSite', before.unknownSite + 2);
    expect(await alarm(v2cSource, `snmp:acMainsFailure:${vnptSiteCode}`)).toHaveLength(0);
  });
});
