import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IncidentStatus, TimelineEventType } from '@netduty/contracts';
import { deadlinesAtReport, parentTitle, restoreDeadlineAtReopen, rosterProblems } from '@netduty/domain';
import { insertIncident } from '@netduty/incidents';
import { siteSearchText } from '@netduty/inventory';
import { UserAdminService } from '@netduty/identity';
import { EscalationService } from '@netduty/escalation';
import { latestLocalSlot, SituationReportsService } from '@netduty/reports';
import {
  ClusterEntity,
  CommuneEntity,
  EventPeriodEntity,
  IncidentEventEntity,
  OnDutyGroupEntity,
  OperatorEntity,
  ProvinceEntity,
  ResponderEntity,
  SiteEntity,
  SlaPolicyEntity,
  UserEntity,
} from '@netduty/persistence';
import { DEMO_EVENT_PERIOD, demoEventPeriodWindow, EVENT_P0_SITE_KEYS } from './demo-event-period';
import { clusterRosters, departmentRoster, leadershipRoster, type DemoRosterPeople } from './demo-rosters';
import { buildDemoProvince } from './demo-province';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { seedDemoNotifications } from './demo-notifications';
import { seedDemoNmsSources, type DemoNmsKey } from './demo-nms-sources';
import { DEMO_SEED_OPTIONS, type DemoSeedOptions } from './demo-seed-options';
import type { DemoIncidentSpec, DemoProvince } from './types';
import { STORM_FEEDER } from './upstreams';

/** Who the demo's mass-outage parent is reported by: the same actor as the worker's correlation. */
const STORM_CORRELATION_ACTOR = 'netduty-correlation';

export interface SeedSummary {
  communes: number;
  sites: number;
  clusters: number;
  responders: number;
  incidents: number;
  users: number;
  onDutyGroups: number;
  eventPeriods: number;
  skipped: boolean;
}

/**
 * The demo accounts, documented in the README: personal accounts (cluster staff act under their own name and
 * call-back phone, never a cluster's shared login). One password for all, changed at first login in production.
 */
export const DEMO_PASSWORD = 'NetDuty@2026';
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'trucban', displayName: 'Nguyễn Thị Trực Ban', role: 'duty_officer', phone: '0912 001 001' },
  { username: 'lanhdao', displayName: 'Hoàng Văn Lãnh Đạo', role: 'leadership', phone: '0912 000 001' },
  { username: 'viettel.lsn', displayName: 'Lý Văn Hùng', role: 'cluster_staff', operatorCode: 'viettel', phone: '0986 100 001' },
  { username: 'vnpt.lsn', displayName: 'Hoàng Thị Thu', role: 'cluster_staff', operatorCode: 'vnpt', phone: '0913 100 002' },
  { username: 'mobifone.lsn', displayName: 'Nông Văn Tuấn', role: 'cluster_staff', operatorCode: 'mobifone', phone: '0904 100 003' },
  { username: 'vnpost.lsn', displayName: 'Vi Thị Hằng', role: 'cluster_staff', operatorCode: 'vnpost', phone: '0915 100 004' },
  { username: 'ungcuu.viettel', displayName: '', role: 'responder' },
  // The rest of the tổ trực (crews of two in three shifts a day), the second leader and the Viettel Post
  // cluster's staff, so every demo roster has its people (demo-rosters.ts).
  { username: 'trucban2', displayName: 'Hoàng Văn Thắng', role: 'duty_officer', phone: '0912 001 002' },
  { username: 'trucban3', displayName: 'Nông Thị Hoa', role: 'duty_officer', phone: '0912 001 003' },
  { username: 'trucban4', displayName: 'Lương Đức Minh', role: 'duty_officer', phone: '0912 001 004' },
  { username: 'trucban5', displayName: 'Vi Thị Lan', role: 'duty_officer', phone: '0912 001 005' },
  { username: 'trucban6', displayName: 'Chu Văn Hải', role: 'duty_officer', phone: '0912 001 006' },
  { username: 'trucban7', displayName: 'Triệu Thị Mai', role: 'duty_officer', phone: '0912 001 007' },
  { username: 'trucban8', displayName: 'Bế Quang Long', role: 'duty_officer', phone: '0912 001 008' },
  { username: 'lanhdao2', displayName: 'Lăng Văn Sơn', role: 'leadership', phone: '0912 000 002' },
  { username: 'viettelpost.lsn', displayName: 'Lộc Văn Bình', role: 'cluster_staff', operatorCode: 'viettelpost', phone: '0976 100 005' },
] as const;

/** The path each demo status takes through the lifecycle. */
const PATHS: Record<IncidentStatus, TimelineEventType[]> = {
  reported: [],
  acknowledged: ['acknowledged'],
  in_progress: ['acknowledged', 'assigned'],
  resolved: ['acknowledged', 'assigned', 'resolved'],
  closed: ['acknowledged', 'assigned', 'resolved', 'closed'],
  reopened: ['acknowledged', 'assigned', 'resolved', 'reopened'],
};

/**
 * Loads the demo province (Lạng Sơn) into an empty database: reference data, then ~20 incidents with
 * back-dated, consistent timelines. Runs once: a database that already has sites is left alone.
 * Deadlines that already lapsed are left to the worker's reconciliation sweep, which escalates them.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationService,
    private readonly reports: SituationReportsService,
    private readonly users: UserAdminService,
    @Inject(DEMO_SEED_OPTIONS) private readonly seedOptions: DemoSeedOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The demo NMS sources (one per telecom operator), each with an active random key: `known` keys (the
   * previous seed's local file) are kept while still active, the rest issued anew (demo-nms-sources.ts).
   */
  async seedNmsSources(known: Readonly<Record<string, string>> = {}): Promise<{ keys: DemoNmsKey[]; issued: number }> {
    return this.dataSource.transaction((em) => seedDemoNmsSources(em, known));
  }

  /**
   * Seeds each part that is still empty: reference data and incidents into a database without sites,
   * demo accounts into one without users (so a database seeded before accounts existed gains them).
   */
  async seed(options: { now?: Date; enqueueDeadlines?: boolean } = {}): Promise<SeedSummary> {
    const province = buildDemoProvince();
    const now = options.now ?? new Date();
    const summary = await this.dataSource.transaction(async (em) => {
      const hasSites = (await em.getRepository(SiteEntity).count()) > 0;
      const hasUsers = (await em.query(`SELECT 1 FROM users LIMIT 1`)).length > 0;
      const hasRosters = (await em.getRepository(OnDutyGroupEntity).count()) > 0;
      const hasEventPeriods = (await em.getRepository(EventPeriodEntity).count()) > 0;
      const result: SeedSummary = {
        communes: 0,
        sites: 0,
        clusters: 0,
        responders: 0,
        incidents: 0,
        users: 0,
        onDutyGroups: 0,
        eventPeriods: 0,
        skipped: hasSites && hasUsers && hasRosters && hasEventPeriods,
      };
      if (!hasSites) {
        await this.seedReferenceData(em, province);
        result.incidents = await this.seedIncidents(em, province, now);
        Object.assign(result, {
          communes: province.communes.length,
          sites: province.sites.length,
          clusters: province.clusters.length,
          responders: province.responders.length,
        });
      }
      if (!hasUsers) result.users = await this.seedUsers(em);
      if (!hasRosters) result.onDutyGroups = await this.seedRosters(em, now);
      if (!hasEventPeriods) result.eventPeriods = await this.seedEventPeriod(em, now);
      return result;
    });
    // `npm start` only: gateways into the local sink (scripts/local-sink.mjs), demo mailboxes, a few preferences.
    if (this.config.NODE_ENV === 'development') {
      const gateways = await this.dataSource.transaction((em) => seedDemoNotifications(em));
      if (gateways > 0) this.logger.log(`demo notification gateways into the local sink: ${gateways}`);
    }
    if (summary.skipped) this.logger.log('demo data already present; nothing seeded');
    if (summary.incidents > 0 && options.enqueueDeadlines !== false) await this.escalations.reconcile();
    // This morning's situation report (the 07:00 slot, or yesterday's when seeded before 07:00), so /reports has one to show.
    if (summary.incidents > 0) await this.reports.generateForSlot(latestLocalSlot(now, 7), now, { notify: false });
    return summary;
  }

  private async seedReferenceData(em: EntityManager, province: DemoProvince): Promise<void> {
    await em.getRepository(ProvinceEntity).insert({ code: province.province.code, name: province.province.name });
    await em.getRepository(OperatorEntity).insert(province.operators);
    const communeByCode = new Map(province.communes.map((commune) => [commune.code, commune]));
    await em.getRepository(CommuneEntity).insert(
      province.communes.map((commune) => ({
        code: commune.code,
        provinceCode: commune.provinceCode,
        name: commune.name,
        divisionType: commune.divisionType,
        formerDistrict: commune.formerDistrict,
        searchText: siteSearchText({ code: '', name: commune.name }, { name: '', formerDistrict: commune.formerDistrict }),
      })),
    );
    for (let start = 0; start < province.sites.length; start += 500) {
      await em.getRepository(SiteEntity).insert(
        province.sites.slice(start, start + 500).map((site) => {
          const commune = communeByCode.get(site.communeCode);
          if (!commune) throw new Error(`site ${site.code} names unknown commune ${site.communeCode}`);
          return { ...site, searchText: siteSearchText(site, commune) };
        }),
      );
    }
    const clusterIds = new Map<string, string>();
    for (const cluster of province.clusters) {
      const inserted = await em
        .getRepository(ClusterEntity)
        .insert({ operatorCode: cluster.operatorCode, name: cluster.name });
      const id = (inserted.identifiers[0] as { id: string }).id;
      clusterIds.set(cluster.key, id);
      await em
        .createQueryBuilder()
        .insert()
        .into('cluster_communes')
        .values(cluster.communeCodes.map((code) => ({ cluster_id: id, commune_code: code })))
        .execute();
    }
    await em.getRepository(ResponderEntity).insert(
      province.responders.map((responder) => {
        const clusterId = clusterIds.get(responder.clusterKey);
        if (!clusterId) throw new Error(`responder ${responder.key} names unknown cluster ${responder.clusterKey}`);
        return { clusterId, name: responder.name, phone: responder.phone };
      }),
    );
  }

  private async seedUsers(em: EntityManager): Promise<number> {
    // The demo responder is one already assigned to a Viettel incident, so their board is not empty.
    const [assigned] = await em.query(
      `SELECT r.id, r.name FROM incident_responders ir
         JOIN responders r ON r.id = ir.responder_id JOIN clusters c ON c.id = r.cluster_id
        WHERE c.operator_code = 'viettel' ORDER BY r.name LIMIT 1`,
    );
    for (const demo of DEMO_USERS) {
      if (demo.role === 'responder' && !assigned) continue;
      await this.users.create(
        {
          username: demo.username,
          displayName: demo.role === 'responder' ? assigned.name : demo.displayName,
          password: DEMO_PASSWORD,
          role: demo.role,
          operatorCode: 'operatorCode' in demo ? demo.operatorCode : undefined,
          phone: 'phone' in demo ? demo.phone : undefined,
          responderId: demo.role === 'responder' ? assigned.id : undefined,
        },
        { mustChangePassword: this.seedOptions.forcePasswordChange },
        em,
      );
    }
    return DEMO_USERS.length;
  }

  /** The demo rosters from the start of the seed's week, over the accounts and clusters present. */
  private async seedRosters(em: EntityManager, now: Date): Promise<number> {
    const users = await em.getRepository(UserEntity).find({ where: { active: true }, order: { username: 'ASC' } });
    const byRole = (role: string) => users.filter((user) => user.role === role);
    // trucban, trucban2, … in number order (a plain sort would put trucban10 before trucban2).
    const numbered = (name: string) => Number(/\d+$/.exec(name)?.[0] ?? '1');
    const people: DemoRosterPeople = {
      dutyOfficerIds: byRole('duty_officer').sort((a, b) => numbered(a.username) - numbered(b.username)).map((user) => user.id),
      leadershipIds: byRole('leadership').sort((a, b) => numbered(a.username) - numbered(b.username)).map((user) => user.id),
      clusters: (await em.getRepository(ClusterEntity).find({ order: { operatorCode: 'ASC', name: 'ASC' } })).map((cluster) => ({
        id: cluster.id,
        name: cluster.name,
        operatorCode: cluster.operatorCode,
      })),
      clusterStaff: byRole('cluster_staff').flatMap((user) => (user.operatorCode ? [{ id: user.id, operatorCode: user.operatorCode, clusterId: user.clusterId }] : [])),
    };
    const department = departmentRoster(people, now);
    const leadership = leadershipRoster(people, now);
    const groups = [...(department ? [department] : []), ...(leadership ? [leadership] : []), ...clusterRosters(people, now)];
    for (const group of groups) {
      const problems = rosterProblems({ id: 'demo', ...group });
      if (problems.length) throw new Error(`demo roster ${group.name}: ${JSON.stringify(problems)}`);
    }
    if (groups.length) await em.getRepository(OnDutyGroupEntity).insert(groups);
    return groups.length;
  }

  /** The congress: starting three days after the seed, for three days, the venue's sites as P0. */
  private async seedEventPeriod(em: EntityManager, now: Date): Promise<number> {
    const sites = await em.getRepository(SiteEntity).find({
      select: { id: true },
      where: EVENT_P0_SITE_KEYS.map((key) => ({ operatorCode: key.operatorCode, name: key.name })),
    });
    if (sites.length === 0) return 0;
    await em.getRepository(EventPeriodEntity).insert({
      name: DEMO_EVENT_PERIOD.name,
      ...demoEventPeriodWindow(now),
      p0SiteIds: sites.map((site) => site.id),
      slaFactor: DEMO_EVENT_PERIOD.slaFactor,
      p0LeadershipLevel: DEMO_EVENT_PERIOD.p0LeadershipLevel,
      reportIntervalMinutes: DEMO_EVENT_PERIOD.reportIntervalMinutes,
    });
    return 1;
  }

  private async seedIncidents(em: EntityManager, province: DemoProvince, now: Date): Promise<number> {
    const sites = new Map((await em.getRepository(SiteEntity).find()).map((site) => [site.code, site]));
    const policies = await em.getRepository(SlaPolicyEntity).find();
    const seeded: { id: string; site: SiteEntity; spec: DemoIncidentSpec }[] = [];
    for (const spec of [...province.incidents].sort((a, b) => b.reportedMinutesAgo - a.reportedMinutesAgo)) {
      const site = sites.get(spec.siteCode);
      if (!site) throw new Error(`demo incident ${spec.key} names unknown site ${spec.siteCode}`);
      const policy = policies.find((candidate) => candidate.severity === spec.severity && candidate.priority === site.priority);
      if (!policy) throw new Error(`no SLA policy for ${spec.severity}/${site.priority}`);
      seeded.push({ id: await this.seedIncident(em, spec, site, policy, now), site, spec });
    }
    const parents = await this.seedStormParents(em, seeded, policies, now);
    return province.incidents.length + parents;
  }

  /**
   * The Tràng Định storm as correlation leaves it: per operator, the open mains failures of sites on
   * STORM_FEEDER (at least ALARM_CORRELATION_MIN_SITES of them, as the worker's rule) filed under one
   * critical parent at the first site that lost mains, so the board opens on a parent with its children
   * and their battery countdowns.
   */
  private async seedStormParents(
    em: EntityManager,
    seeded: readonly { id: string; site: SiteEntity; spec: DemoIncidentSpec }[],
    policies: readonly SlaPolicyEntity[],
    now: Date,
  ): Promise<number> {
    const storm = seeded.filter(({ site, spec }) => site.powerFeeder === STORM_FEEDER && spec.category === 'mains_failure' && spec.status !== 'closed' && spec.status !== 'resolved');
    let parents = 0;
    for (const operatorCode of new Set(storm.map(({ site }) => site.operatorCode))) {
      const children = storm.filter(({ site }) => site.operatorCode === operatorCode).sort((a, b) => b.spec.reportedMinutesAgo - a.spec.reportedMinutesAgo);
      const first = children[0];
      if (!first || children.length < this.config.ALARM_CORRELATION_MIN_SITES) continue;
      const tier = (['P0', 'P1', 'P2'] as const).find((candidate) => children.some(({ site }) => site.priority === candidate)) ?? 'P2';
      const policy = policies.find((candidate) => candidate.severity === 'critical' && candidate.priority === tier);
      if (!policy) throw new Error(`no SLA policy for critical/${tier}`);
      const reportedAt = new Date(now.getTime() - first.spec.reportedMinutesAgo * 60_000 + 60_000);
      const deadlines = deadlinesAtReport(reportedAt, policy);
      const title = (language: 'vi' | 'en') => parentTitle('power_feeder', STORM_FEEDER, language);
      const parentId = await insertIncident(
        em,
        { ...first.site, priority: tier },
        {
          category: 'mains_failure',
          severity: 'critical',
          description: `${title('vi')} — ${children.length} trạm / ${title('en')} — ${children.length} sites`,
          reporterName: STORM_CORRELATION_ACTOR,
          reportedAt,
          acknowledge: deadlines.acknowledge,
          restore: deadlines.restore,
        },
        { origin: 'correlation', correlationKind: 'power_feeder', correlationKey: STORM_FEEDER },
      );
      const references = new Map(
        ((await em.query(`SELECT id, reference FROM incidents WHERE id = ANY($1::uuid[])`, [[parentId, ...children.map(({ id }) => id)]])) as { id: string; reference: string }[]).map(
          (row) => [row.id, row.reference],
        ),
      );
      await em.query(`UPDATE incidents SET parent_incident_id = $1 WHERE id = ANY($2::uuid[])`, [parentId, children.map(({ id }) => id)]);
      const link = { kind: 'power_feeder', key: STORM_FEEDER };
      await em.getRepository(IncidentEventEntity).insert([
        { incidentId: parentId, type: 'reported', actor: STORM_CORRELATION_ACTOR, at: reportedAt, data: { category: 'mains_failure', severity: 'critical' } },
        {
          incidentId: parentId,
          type: 'correlated',
          actor: STORM_CORRELATION_ACTOR,
          at: reportedAt,
          data: { ...link, children: children.map(({ id, site }) => ({ id, reference: references.get(id) ?? '', siteCode: site.code })), childCount: children.length },
        },
        ...children.map(({ id }) => ({
          incidentId: id,
          type: 'correlated' as const,
          actor: STORM_CORRELATION_ACTOR,
          at: reportedAt,
          data: { ...link, parent: { id: parentId, reference: references.get(parentId) ?? '' } },
        })),
      ] as never);
      parents += 1;
    }
    return parents;
  }

  private async seedIncident(em: EntityManager, spec: DemoIncidentSpec, site: SiteEntity, policy: SlaPolicyEntity, now: Date): Promise<string> {
    const reportedAt = new Date(now.getTime() - spec.reportedMinutesAgo * 60_000);
    const deadlines = deadlinesAtReport(reportedAt, policy);
    const path = PATHS[spec.status];
    // Spread the lifecycle steps over the time since the report, so the timeline reads naturally.
    const step = (spec.reportedMinutesAgo * 60_000) / (path.length + 1);
    const at = (index: number) => new Date(reportedAt.getTime() + step * (index + 1));
    const indexOf = (type: TimelineEventType) => path.indexOf(type);
    const stamp = (type: TimelineEventType) => (indexOf(type) >= 0 ? at(indexOf(type)) : null);

    const responders =
      spec.assignResponderCount > 0
        ? await em
            .getRepository(ResponderEntity)
            .createQueryBuilder('responder')
            .innerJoin('responder.cluster', 'cluster')
            .innerJoin('cluster_communes', 'coverage', 'coverage.cluster_id = cluster.id')
            .where('cluster.operatorCode = :operator', { operator: site.operatorCode })
            .andWhere('coverage.commune_code = :commune', { commune: site.communeCode })
            .orderBy('responder.name', 'ASC')
            .limit(spec.assignResponderCount)
            .getMany()
        : [];
    const reopenedAt = stamp('reopened');
    const restore = reopenedAt ? restoreDeadlineAtReopen(reopenedAt, policy) : deadlines.restore;

    const incidentId = await insertIncident(
      em,
      site,
      { ...spec, reportedAt, acknowledge: deadlines.acknowledge, restore },
      {
        status: spec.status,
        acknowledgedAt: stamp('acknowledged'),
        resolvedAt: spec.status === 'reopened' ? null : stamp('resolved'),
        closedAt: stamp('closed'),
        slaCycle: reopenedAt ? 2 : 1,
      },
    );
    if (responders.length > 0) {
      await em
        .createQueryBuilder()
        .insert()
        .into('incident_responders')
        .values(responders.map((responder) => ({ incident_id: incidentId, responder_id: responder.id })))
        .execute();
    }

    const events: Partial<IncidentEventEntity>[] = [
      { incidentId, type: 'reported', actor: spec.reporterName, at: reportedAt, data: { category: spec.category, severity: spec.severity } },
    ];
    path.forEach((type, index) => {
      const data: Record<string, unknown> =
        type === 'assigned'
          ? { responders: responders.map((responder) => ({ id: responder.id, name: responder.name, phone: responder.phone })) }
          : type === 'reopened'
            ? { note: 'Trạm mất sóng trở lại sau khi khắc phục' }
            : {};
      events.push({ incidentId, type, actor: 'Cán bộ trực ca', at: at(index), data });
    });
    // Comments land between the last step and now (closed incidents take none after closing).
    const lastAt = path.length > 0 ? at(path.length - 1) : reportedAt;
    const commentWindowEnd = spec.status === 'closed' ? at(path.length - 1) : now;
    spec.comments.forEach((text, index) => {
      const commentAt =
        spec.status === 'closed'
          ? new Date(lastAt.getTime() - (spec.comments.length - index) * 1000)
          : new Date(lastAt.getTime() + ((commentWindowEnd.getTime() - lastAt.getTime()) * (index + 1)) / (spec.comments.length + 1));
      events.push({ incidentId, type: 'commented', actor: spec.reporterName, at: commentAt, data: { text } });
    });
    events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    await em.getRepository(IncidentEventEntity).insert(events as never);
    return incidentId;
  }
}
