import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  REPORT_LIMITS,
  type CyberReportRequest,
  type CyberSnapshotDto,
  type FieldProblem,
  type GenerateReportRequest,
  type IncidentSnapshotDto,
  type Language,
  type Page,
  type ReportKind,
  type ReportSnapshotDto,
  type ReportTrigger,
  type SituationReportDto,
  type SituationReportQuery,
  type SituationReportSummaryDto,
} from '@netduty/contracts';
import { scopeFilterOf } from '@netduty/domain';
import { AuditService, type Actor } from '@netduty/identity';
import { NotificationOutbox, NotificationPlanner, type EnqueuedDelivery } from '@netduty/notifications';
import { applyScopeFilter, IncidentEntity, SituationReportEntity, UserEntity } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { ConflictError, InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { reportPeriodLine, reportYear } from './model/report-calendar';
import { KIND_TITLES } from './model/report-labels';
import { buildReportModel, type StoredReport } from './model/report-model';
import { reportNumberLabel } from './model/report-number';
import { renderPdf } from './render/pdf-renderer';
import { renderXlsx } from './render/xlsx-renderer';
import { NotShiftLeadError } from './report-errors';
import { slotKey } from './schedule/report-schedules';
import { ShiftLeadLookup, personsOf } from './shift-lead';
import { collectIncidentSnapshot } from './snapshot/incident-snapshot';
import { collectSituationSnapshot } from './snapshot/situation-snapshot';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A scheduled report covers the time since the previous scheduled report, but no more than a day. */
const SCHEDULED_LOOK_BACK_MS = DAY_MS;
/** The first scheduled report (none before it) covers this much. */
const FIRST_SCHEDULED_PERIOD_MS = 12 * HOUR_MS;

export type ReportFormat = 'pdf' | 'xlsx';

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  filename: string;
}

interface NewReport {
  kind: ReportKind;
  trigger: ReportTrigger;
  slotKey: string | null;
  /** Or, for a scheduled slot, read in the inserting transaction once it holds the counter's lock. */
  periodFrom: Date | ((em: EntityManager) => Promise<Date>);
  periodTo: Date;
  incidentId: string | null;
  language: Language;
  generatedBy: Actor | null;
  now: Date;
  parts: (em: EntityManager, periodFrom: Date) => Promise<Pick<ReportSnapshotDto, 'situation' | 'incident' | 'cyber'>>;
  /** Who is told through the notification outbox; 'nobody' for the demo seed's report. */
  notify: 'leadership' | 'leadership_about_incident' | 'nobody';
}

/** Thrown inside the transaction when the slot already has its report: rolls back the number taken. */
class SlotTaken extends Error {
  constructor(readonly reportId: string) {
    super('slot already generated');
  }
}

/**
 * Reports to leadership. Generating one reads every input in one transaction, stores it as the report's
 * snapshot with the next number of the year, audits it and puts the notifications to leadership in the
 * outbox in that same transaction; after the commit the outbox's deliveries are enqueued. Rendering
 * (PDF, XLSX) reads the stored row only.
 */
@Injectable()
export class SituationReportsService {
  private readonly logger = new Logger(SituationReportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly planner: NotificationPlanner,
    private readonly outbox: NotificationOutbox,
    private readonly shiftLeads: ShiftLeadLookup,
  ) {}

  async list(query: SituationReportQuery): Promise<Page<SituationReportSummaryDto>> {
    const pageSize = query.pageSize ?? REPORT_LIMITS.defaultPageSize;
    const page = query.page ?? 1;
    const builder = this.dataSource.getRepository(SituationReportEntity).createQueryBuilder('report');
    if (query.from) builder.andWhere('report.periodTo >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('report.periodTo < :to', { to: new Date(query.to) });
    if (query.kind) builder.andWhere('report.kind = :kind', { kind: query.kind });
    const [rows, total] = await builder
      .select(['report.id', 'report.kind', 'report.year', 'report.number', 'report.language', 'report.trigger', 'report.periodFrom', 'report.periodTo', 'report.incidentId'])
      .addSelect(['report.generatedAt', 'report.remarks', 'report.signedOffAt', 'report.signedOffBy', 'report.signerName'])
      .orderBy('report.generatedAt', 'DESC')
      .addOrderBy('report.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    // The number's symbol is the one the report was generated with (kept in its snapshot), not today's setting.
    const symbols = rows.length
      ? ((await this.dataSource.query(`SELECT id, snapshot->'agency'->>'numberSymbol' AS symbol FROM situation_reports WHERE id = ANY ($1)`, [rows.map((row) => row.id)])) as { id: string; symbol: string | null }[])
      : [];
    const symbolOf = new Map(symbols.map((entry) => [entry.id, entry.symbol]));
    return { items: rows.map((row) => this.summary(row, symbolOf.get(row.id) ?? undefined)), total };
  }

  async get(id: string): Promise<SituationReportDto> {
    return this.dto(await this.row(this.dataSource.manager, id));
  }

  /** On demand, for a chosen period (a duty officer). */
  async generate(actor: Actor, request: GenerateReportRequest, now: Date = new Date()): Promise<SituationReportDto> {
    const from = new Date(request.from);
    const to = new Date(request.to);
    const problems: FieldProblem[] = [];
    if (to.getTime() <= from.getTime()) problems.push({ field: 'to', code: 'less_than_other_field', params: { field: 'from' } });
    else if (to.getTime() - from.getTime() > REPORT_LIMITS.maxPeriodDays * DAY_MS) problems.push({ field: 'to', code: 'too_large', params: { max: REPORT_LIMITS.maxPeriodDays } });
    // A report states what happened: a period still to come has nothing to report yet.
    if (to.getTime() > now.getTime() + 60_000) problems.push({ field: 'to', code: 'invalid', params: { rule: 'not_in_the_future' } });
    if (problems.length) throw new InvalidInputError(problems);
    const { report } = await this.create({
      kind: 'situation',
      trigger: 'on_demand',
      slotKey: null,
      periodFrom: from,
      periodTo: to,
      incidentId: null,
      language: request.language ?? 'vi',
      generatedBy: actor,
      now,
      parts: async (em) => ({ situation: await collectSituationSnapshot(em, from, to), incident: null, cyber: null }),
      notify: 'leadership',
    });
    return report;
  }

  /**
   * One slot of a schedule (the worker's job). At most one report per slot: a second run of the job, a
   * second worker, or a coinciding slot of another schedule finds it and changes nothing.
   */
  async generateForSlot(slotAt: Date, now: Date = new Date(), options: { notify?: boolean } = {}): Promise<{ reportId: string; created: boolean }> {
    const key = slotKey(slotAt);
    const existing = await this.dataSource.getRepository(SituationReportEntity).findOne({ where: { slotKey: key }, select: { id: true } });
    if (existing) return { reportId: existing.id, created: false };
    // Read under the counter's lock: a slot generated at the same time as the one before it (a worker
    // catching up while the schedule fires) still starts where that one ends.
    const periodFrom = async (em: EntityManager): Promise<Date> => {
      const previous = (await em.query(
        `SELECT max(period_to) AS at FROM situation_reports WHERE kind = 'situation' AND trigger = 'scheduled' AND period_to < $1 AND period_to >= $2`,
        [slotAt, new Date(slotAt.getTime() - SCHEDULED_LOOK_BACK_MS)],
      )) as { at: Date | null }[];
      return previous[0]?.at ? new Date(previous[0].at) : new Date(slotAt.getTime() - FIRST_SCHEDULED_PERIOD_MS);
    };
    try {
      const { report } = await this.create({
        kind: 'situation',
        trigger: 'scheduled',
        slotKey: key,
        periodFrom,
        periodTo: slotAt,
        incidentId: null,
        language: 'vi',
        generatedBy: null,
        now,
        parts: async (em, from) => ({ situation: await collectSituationSnapshot(em, from, slotAt), incident: null, cyber: null }),
        notify: options.notify === false ? 'nobody' : 'leadership',
      });
      return { reportId: report.id, created: true };
    } catch (error) {
      if (error instanceof SlotTaken) return { reportId: error.reportId, created: false };
      throw error;
    }
  }

  /** A flash report (báo cáo nhanh) on one incident the caller can see. */
  async flash(actor: Actor, incidentId: string, language: Language = 'vi', now: Date = new Date()): Promise<SituationReportDto> {
    const incident = await this.visibleIncident(actor, incidentId);
    const { report } = await this.create({
      kind: 'flash',
      trigger: 'on_demand',
      slotKey: null,
      periodFrom: incident.reportedAt,
      periodTo: now,
      incidentId,
      language,
      generatedBy: actor,
      now,
      parts: async (em) => ({ situation: null, incident: await collectIncidentSnapshot(em, incidentId, now), cyber: null }),
      notify: 'leadership_about_incident',
    });
    return report;
  }

  /**
   * A cyber-incident form (QĐ 05/2017/QĐ-TTg, TT 20/2017/TT-BTTTT) on a cyber-security incident: the
   * initial report, then progress reports (each after an initial one).
   */
  async cyber(actor: Actor, incidentId: string, request: CyberReportRequest, now: Date = new Date()): Promise<SituationReportDto> {
    const incident = await this.visibleIncident(actor, incidentId);
    if (incident.category !== 'cyber_security') {
      throw new ConflictError('not_a_cyber_incident', 'cyber-incident forms are filed on incidents of category cyber_security');
    }
    const kind: ReportKind = request.stage === 'initial' ? 'cyber_initial' : 'cyber_progress';
    if (kind === 'cyber_progress') {
      const initial = await this.dataSource.getRepository(SituationReportEntity).existsBy({ incidentId, kind: 'cyber_initial' });
      if (!initial) throw new ConflictError('initial_report_missing', 'file the initial report (báo cáo ban đầu) before a progress report');
    }
    const { report } = await this.create({
      kind,
      trigger: 'on_demand',
      slotKey: null,
      periodFrom: incident.reportedAt,
      periodTo: now,
      incidentId,
      language: request.language ?? 'vi',
      generatedBy: actor,
      now,
      parts: async (em) => {
        const snapshot: IncidentSnapshotDto = await collectIncidentSnapshot(em, incidentId, now);
        const detectedAt = incident.reportedAt;
        const cyber: CyberSnapshotDto = {
          stage: request.stage,
          contactPoint: await this.shiftLeads.leadAt(em, now),
          detectedAt: detectedAt.toISOString(),
          notifyBy: new Date(detectedAt.getTime() + REPORT_LIMITS.cyberNotifyWithinDays * DAY_MS).toISOString(),
          beyondCapability: request.beyondCapability ?? false,
          summary: request.summary ?? '',
          measuresTaken: request.measuresTaken ?? '',
          requests: request.requests ?? '',
        };
        return { situation: null, incident: snapshot, cyber };
      },
      notify: 'leadership_about_incident',
    });
    return report;
  }

  /** The duty officer's remarks; a signed-off report's remarks no longer change (409). */
  async updateRemarks(id: string, remarks: string): Promise<SituationReportDto> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.row(em, id, true);
      if (row.signedOffAt !== null) throw new ConflictError('report_signed_off', 'a signed-off report cannot change');
      const before = { remarks: row.remarks };
      await em.getRepository(SituationReportEntity).update({ id }, { remarks });
      await this.audit.record({ action: 'situation_report.remarks', entityType: 'situation_report', entityId: id, before, after: { remarks } }, em);
      return this.dto(await this.row(em, id));
    });
  }

  /** Sign-off by the lead of the department on-duty group's current shift, once. */
  async signOff(actor: Actor, id: string, now: Date = new Date()): Promise<SituationReportDto> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.row(em, id, true);
      const leads = await this.shiftLeads.leadIdsAt(em, now);
      if (!leads.includes(actor.userId)) throw new NotShiftLeadError(leads);
      if (row.signedOffAt !== null) throw new ConflictError('report_signed_off', 'this report was already signed off');
      const [signer] = await personsOf(em, [actor.userId]);
      const signerName = signer?.displayName ?? actor.displayName;
      await em.getRepository(SituationReportEntity).update({ id }, { signedOffAt: now, signedOffBy: actor.userId, signerName });
      await this.audit.record(
        { action: 'situation_report.sign_off', entityType: 'situation_report', entityId: id, after: { signedOffAt: now.toISOString(), signedOffBy: actor.userId, signerName } },
        em,
      );
      return this.dto(await this.row(em, id));
    });
  }

  /** The report as a file, from its stored row alone (the snapshot, the remarks, the sign-off). */
  async render(id: string, format: ReportFormat, language?: Language): Promise<RenderedReport> {
    const row = await this.row(this.dataSource.manager, id);
    const model = buildReportModel(this.stored(row), language ?? row.language, { drill: this.config.NETDUTY_DRILL });
    if (format === 'pdf') return { body: await renderPdf(model, row.generatedAt), contentType: 'application/pdf', filename: `${model.fileBase}.pdf` };
    return {
      body: await renderXlsx(model, row.generatedAt),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${model.fileBase}.xlsx`,
    };
  }

  /** The model a rendering draws, for tests and previews. */
  async model(id: string, language?: Language) {
    const row = await this.row(this.dataSource.manager, id);
    return buildReportModel(this.stored(row), language ?? row.language, { drill: this.config.NETDUTY_DRILL });
  }

  private async create(input: NewReport): Promise<{ report: SituationReportDto; deliveries: EnqueuedDelivery[] }> {
    const year = reportYear(input.now);
    // READ COMMITTED (the default): after waiting for the counter's lock, the slot check sees what the other committed.
    const result = await this.dataSource.transaction(async (em) => {
      // The year's counter row is locked until the commit: concurrent reports take turns for their numbers.
      const [counter] = (await em.query(
        `INSERT INTO situation_report_numbers (year, last_number) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last_number = situation_report_numbers.last_number + 1 RETURNING last_number`,
        [year],
      )) as { last_number: number }[];
      if (input.slotKey !== null) {
        // Checked under the counter's lock: a second job for this slot waits for the first to commit, then finds it.
        const taken = (await em.query(`SELECT id FROM situation_reports WHERE slot_key = $1`, [input.slotKey])) as { id: string }[];
        if (taken[0]) throw new SlotTaken(taken[0].id);
      }
      const periodFrom = typeof input.periodFrom === 'function' ? await input.periodFrom(em) : input.periodFrom;
      const parts = await input.parts(em, periodFrom);
      const generatedBy = input.generatedBy ? ((await personsOf(em, [input.generatedBy.userId]))[0] ?? null) : null;
      const snapshot: ReportSnapshotDto = {
        version: 1,
        agency: {
          parent: this.config.REPORT_PARENT_AGENCY,
          name: this.config.REPORT_AGENCY,
          place: this.config.REPORT_PLACE,
          numberSymbol: this.config.REPORT_NUMBER_SYMBOL,
        },
        shiftLead: await this.shiftLeads.leadAt(em, input.now),
        generatedBy,
        ...parts,
      };
      const saved = await em.getRepository(SituationReportEntity).save({
        kind: input.kind,
        year,
        number: Number(counter?.last_number),
        language: input.language,
        trigger: input.trigger,
        slotKey: input.slotKey,
        periodFrom,
        periodTo: input.periodTo,
        incidentId: input.incidentId,
        snapshot,
        remarks: '',
        generatedAt: input.now,
        generatedBy: input.generatedBy?.userId ?? null,
        signedOffAt: null,
        signedOffBy: null,
        signerName: null,
      });
      const report = this.dto(await this.row(em, saved.id));
      await this.audit.record(
        {
          action: `situation_report.generate`,
          entityType: 'situation_report',
          entityId: report.id,
          after: { kind: report.kind, number: report.numberLabel, trigger: report.trigger, periodFrom: report.periodFrom, periodTo: report.periodTo, incidentId: report.incidentId },
        },
        em,
      );
      const deliveries = await this.notifyLeadership(em, report, input.notify);
      return { report, deliveries };
    });
    await this.outbox.dispatch(result.deliveries);
    this.logger.log(`${result.report.kind} report ${result.report.numberLabel} generated (${result.report.trigger}), ${result.deliveries.length} deliveries`);
    return result;
  }

  /** Every active leadership account, through the notification outbox (in-app, e-mail, … by their preferences). */
  private async notifyLeadership(em: EntityManager, report: SituationReportDto, how: NewReport['notify']): Promise<EnqueuedDelivery[]> {
    if (how === 'nobody') return [];
    const leaders = await em.getRepository(UserEntity).find({ where: { role: 'leadership', active: true }, select: { id: true } });
    const recipientUserIds = leaders.map((leader) => leader.id);
    if (recipientUserIds.length === 0) return [];
    const payload = {
      titleKey: 'situation_report.generated' as const,
      params: {
        reportId: report.id,
        kind: report.kind,
        number: report.numberLabel,
        title: KIND_TITLES[report.kind].vi.toLocaleLowerCase('vi'),
        titleEn: KIND_TITLES[report.kind].en.charAt(0) + KIND_TITLES[report.kind].en.slice(1).toLowerCase(),
        period: reportPeriodLine(report.periodFrom, report.periodTo, 'vi'),
        periodEn: reportPeriodLine(report.periodFrom, report.periodTo, 'en'),
      },
    };
    const sourceKey = `situation-report-${report.id}`;
    const plan =
      how === 'leadership_about_incident' && report.incidentId
        ? await this.planner.planForIncident(em, { sourceKey, incidentId: report.incidentId, recipientUserIds, payload })
        : await this.planner.planForPeople(em, { sourceKey, recipientUserIds, payload, urgency: { severity: 'minor', priority: 'P2' } });
    return this.outbox.add(em, plan.deliveries);
  }

  private async visibleIncident(actor: Actor, incidentId: string): Promise<IncidentEntity> {
    const incident = await applyScopeFilter(this.dataSource.getRepository(IncidentEntity).createQueryBuilder('incident'), 'incident', scopeFilterOf(actor.scope), 'incident')
      .andWhere('incident.id = :id', { id: incidentId })
      .getOne();
    if (!incident) throw new NotFoundError('incident', incidentId);
    return incident;
  }

  private async row(em: EntityManager, id: string, lock = false): Promise<SituationReportEntity> {
    const builder = em.getRepository(SituationReportEntity).createQueryBuilder('report').where('report.id = :id', { id });
    if (lock) builder.setLock('pessimistic_write');
    const row = await builder.getOne();
    if (!row) throw new NotFoundError('situation_report', id);
    return row;
  }

  private stored(row: SituationReportEntity): StoredReport {
    return {
      id: row.id,
      kind: row.kind,
      number: row.number,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      generatedAt: row.generatedAt,
      snapshot: row.snapshot,
      remarks: row.remarks,
      signedOffAt: row.signedOffAt,
      signerName: row.signerName,
    };
  }

  private summary(row: SituationReportEntity, numberSymbol?: string): SituationReportSummaryDto {
    const symbol = numberSymbol ?? (row.snapshot as ReportSnapshotDto | undefined)?.agency.numberSymbol ?? this.config.REPORT_NUMBER_SYMBOL;
    return {
      id: row.id,
      kind: row.kind,
      year: row.year,
      number: row.number,
      numberLabel: reportNumberLabel(row.number, symbol),
      language: row.language,
      trigger: row.trigger,
      periodFrom: row.periodFrom.toISOString(),
      periodTo: row.periodTo.toISOString(),
      incidentId: row.incidentId,
      generatedAt: row.generatedAt.toISOString(),
      remarks: row.remarks,
      signedOffAt: row.signedOffAt?.toISOString() ?? null,
      signedOffBy: row.signedOffBy && row.signerName ? { id: row.signedOffBy, displayName: row.signerName } : null,
    };
  }

  private dto(row: SituationReportEntity): SituationReportDto {
    return { ...this.summary(row), snapshot: row.snapshot };
  }
}

