import type { Language } from './auth';
import type { IsoInstant } from './dto';
import type { DeadlineKind, IncidentCategory, IncidentStatus, OperatorCode, PriorityTier, Severity, TimelineEventType } from './enums';

/**
 * Reports to leadership (báo cáo): the situation report (báo cáo tình hình) for a period, the flash
 * report (báo cáo nhanh) on one serious incident, and the cyber-incident forms of QĐ 05/2017/QĐ-TTg and
 * TT 20/2017/TT-BTTTT — the initial report (báo cáo ban đầu) and the progress report (báo cáo diễn biến
 * tình hình). Every report is stored with a snapshot of every figure and row it shows, so a past
 * report renders exactly as it was generated, whatever the live tables say since.
 */
export const REPORT_KINDS = ['situation', 'flash', 'cyber_initial', 'cyber_progress'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How a report came to be: a slot of the schedule (07:00 / 17:00, or the event period's interval), or a person's request. */
export const REPORT_TRIGGERS = ['scheduled', 'on_demand'] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];

/** The two cyber-incident forms one can file on a cyber-security incident (POST /incidents/:id/cyber-reports). */
export const CYBER_REPORT_STAGES = ['initial', 'progress'] as const;
export type CyberReportStage = (typeof CYBER_REPORT_STAGES)[number];

export const REPORT_LIMITS = {
  /** The duty officer's remarks (ý kiến của cán bộ trực). */
  remarksMaxLength: 4000,
  /** A cyber form's free text (what was seen, what was done, what is asked). */
  cyberTextMaxLength: 4000,
  /** The longest period one situation report covers. */
  maxPeriodDays: 31,
  /** Rows kept per list of a report (open incidents, escalations, …); the totals always count everything. */
  rowsPerList: 300,
  defaultPageSize: 20,
  maxPageSize: 100,
  /** Within this many days of detection a cyber incident must be notified (TT 20/2017/TT-BTTTT). */
  cyberNotifyWithinDays: 5,
} as const;

/** The queue that generates scheduled reports, and its job map (checked at every enqueue and processor branch). */
export const REPORT_QUEUE = 'situation-reports' as const;
export interface ReportJobs {
  /** One slot of a schedule: generate the situation report ending at the slot, once. */
  'situation_report.slot': ReportSlotJob;
}
export type ReportJobName = keyof ReportJobs;
export interface ReportSlotJob {
  /** The job scheduler that made the job (`situation-reports.daily`, `situation-reports.event-<id>`). */
  scheduleId: string;
}

/** The owner agency as the header of an administrative report prints it (configurable). */
export interface ReportAgencyDto {
  /** The superior body, e.g. "UBND TỈNH LẠNG SƠN". */
  parent: string;
  /** The issuing agency, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  name: string;
  /** Where it is issued: "Lạng Sơn, ngày … tháng … năm …". */
  place: string;
  /** The number's symbol: "Số: 12/BC-SKHCN". */
  numberSymbol: string;
}

export interface ReportPersonDto {
  id: string;
  displayName: string;
  phone: string | null;
}

export interface ReportCountDto {
  key: string;
  /** The operator's or commune's name as it was; categories are worded by the renderer (key). */
  label: string;
  reported: number;
  resolved: number;
  openAtEnd: number;
}

export interface ReportIncidentRowDto {
  id: string;
  reference: string;
  siteCode: string;
  siteName: string;
  operatorCode: OperatorCode;
  operatorName: string;
  communeName: string;
  category: IncidentCategory;
  severity: Severity;
  priority: PriorityTier;
  status: IncidentStatus;
  reportedAt: IsoInstant;
  /** Null once acknowledged. */
  acknowledgeDueAt: IsoInstant | null;
  restoreDueAt: IsoInstant;
  /** A deadline had passed unmet at the end of the period. */
  breached: boolean;
  escalationLevel: number;
}

export interface ReportBreachRowDto {
  incidentId: string;
  reference: string;
  siteCode: string;
  operatorName: string;
  kind: DeadlineKind;
  dueAt: IsoInstant;
  /** When it was met after all (late), or null when still unmet at the end of the period. */
  metAt: IsoInstant | null;
}

export interface ReportEscalationRowDto {
  incidentId: string;
  reference: string;
  siteCode: string;
  kind: DeadlineKind;
  level: number;
  manual: boolean;
  firedAt: IsoInstant;
}

export interface ReportRestoredSiteRowDto {
  siteId: string;
  siteCode: string;
  siteName: string;
  operatorName: string;
  communeName: string;
  restoredAt: IsoInstant;
}

/** A situation report's inputs: every figure and row it shows, as they were at generation. */
export interface SituationSnapshotDto {
  eventPeriod: { id: string; name: string } | null;
  totals: { reported: number; resolved: number; openAtEnd: number; breaches: number; escalations: number; sitesRestored: number };
  byCategory: ReportCountDto[];
  byOperator: ReportCountDto[];
  byCommune: ReportCountDto[];
  openIncidents: ReportIncidentRowDto[];
  breaches: ReportBreachRowDto[];
  escalations: ReportEscalationRowDto[];
  sitesRestored: ReportRestoredSiteRowDto[];
  /** Rows left out of each list beyond REPORT_LIMITS.rowsPerList (the totals count them). */
  truncated: { openIncidents: number; breaches: number; escalations: number; sitesRestored: number };
}

export interface ReportTimelineRowDto {
  at: IsoInstant;
  type: TimelineEventType;
  actor: string;
  /** A short text of the event: the note, the comment, the level. */
  detail: string;
}

export interface ReportResponderRowDto {
  name: string;
  phone: string | null;
  clusterName: string | null;
  assignedAt: IsoInstant;
  acceptedAt: IsoInstant | null;
  onSiteAt: IsoInstant | null;
}

/** One incident's facts for the flash report and the cyber forms. */
export interface IncidentSnapshotDto {
  incident: ReportIncidentRowDto & {
    description: string;
    reporterName: string;
    reporterPhone: string | null;
    acknowledgedAt: IsoInstant | null;
    resolvedAt: IsoInstant | null;
    closedAt: IsoInstant | null;
    siteKind: string;
    siteState: string;
    siteDownKind: string | null;
    formerDistrict: string | null;
  };
  timeline: ReportTimelineRowDto[];
  responders: ReportResponderRowDto[];
  escalations: ReportEscalationRowDto[];
  impact: {
    /** Other open incidents at the same site. */
    otherOpenAtSite: number;
    /** Sites of the same commune down at generation. */
    sitesDownInCommune: number;
    /** Whether a running event period lists the site among its P0 sites. */
    eventP0: boolean;
    minutesOpen: number;
  };
}

/** The cyber forms' own part: the contact point and the notification duty. */
export interface CyberSnapshotDto {
  stage: CyberReportStage;
  /** The 24/7 response contact point (đầu mối ứng cứu): the on-duty group's shift lead at generation. */
  contactPoint: ReportPersonDto | null;
  detectedAt: IsoInstant;
  /** detectedAt + 5 days (TT 20/2017/TT-BTTTT), unless beyond the unit's capability (immediately). */
  notifyBy: IsoInstant;
  beyondCapability: boolean;
  /** What the duty officer wrote on the form (what was seen, what was done, what is asked). */
  summary: string;
  measuresTaken: string;
  requests: string;
}

export interface ReportSnapshotDto {
  version: 1;
  agency: ReportAgencyDto;
  /** The department on-duty group's shift lead when the report was generated (who signs it off). */
  shiftLead: ReportPersonDto | null;
  generatedBy: ReportPersonDto | null;
  situation: SituationSnapshotDto | null;
  incident: IncidentSnapshotDto | null;
  cyber: CyberSnapshotDto | null;
}

export interface SituationReportSummaryDto {
  id: string;
  kind: ReportKind;
  year: number;
  number: number;
  /** "12/BC-SKHCN". */
  numberLabel: string;
  language: Language;
  trigger: ReportTrigger;
  periodFrom: IsoInstant;
  periodTo: IsoInstant;
  incidentId: string | null;
  generatedAt: IsoInstant;
  remarks: string;
  signedOffAt: IsoInstant | null;
  signedOffBy: { id: string; displayName: string } | null;
}

export interface SituationReportDto extends SituationReportSummaryDto {
  snapshot: ReportSnapshotDto;
}

export interface SituationReportQuery {
  /** Reports whose period ends at or after this instant. */
  from?: IsoInstant;
  /** Reports whose period ends before this instant. */
  to?: IsoInstant;
  kind?: ReportKind;
  page?: number;
  pageSize?: number;
}

export interface GenerateReportRequest {
  from: IsoInstant;
  to: IsoInstant;
  language?: Language;
}

export interface UpdateReportRemarksRequest {
  remarks: string;
}

export interface FlashReportRequest {
  language?: Language;
}

export interface CyberReportRequest {
  stage: CyberReportStage;
  language?: Language;
  beyondCapability?: boolean;
  summary?: string;
  measuresTaken?: string;
  requests?: string;
}
