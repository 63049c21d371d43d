import type {
  IncidentSnapshotDto,
  Language,
  ReportCountDto,
  ReportEscalationRowDto,
  ReportKind,
  ReportSnapshotDto,
  SituationSnapshotDto,
} from '@netduty/contracts';
import { markForDrill } from '@netduty/domain';
import { administrativeDateLine, reportInstant, reportPeriodLine, reportShortInstant } from './report-calendar';
import {
  CATEGORY_WORDS,
  DEADLINE_WORDS,
  KIND_TITLES,
  SEVERITY_WORDS,
  SITE_KIND_WORDS,
  SITE_STATE_WORDS,
  STATUS_WORDS,
  TIMELINE_WORDS,
  word,
} from './report-labels';
import { reportNumberLabel } from './report-number';
import { numberSections, type NumberedSection, type SectionDraft } from './section-numbering';

/** What a rendering needs of a stored report: its row's facts and its snapshot — never a live table. */
export interface StoredReport {
  id: string;
  kind: ReportKind;
  number: number;
  periodFrom: Date;
  periodTo: Date;
  generatedAt: Date;
  snapshot: ReportSnapshotDto;
  remarks: string;
  signedOffAt: Date | null;
  signerName: string | null;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export interface TableBlock {
  kind: 'table';
  /** Relative widths: '*' shares what is left; a number is points (PDF) and characters/6 (XLSX). */
  columns: { header: string; width: number | '*' }[];
  rows: string[][];
  /** Shown instead of an empty table. */
  empty: string;
  /** "… and 12 more rows not shown (counted in the totals)". */
  note?: string;
}

export type ReportBlock = ParagraphBlock | TableBlock;

export interface ReportModel {
  language: Language;
  /** The download's name without extension: "bao-cao-tinh-hinh-so-12-2026". */
  fileBase: string;
  header: {
    parent: string;
    agency: string;
    number: string;
    motto: string;
    mottoSub: string;
    dateLine: string;
  };
  title: string;
  subtitle: string[];
  sections: NumberedSection<ReportBlock>[];
  signature: {
    recipientsTitle: string;
    recipients: string[];
    role: string;
    /** "Đã ký lúc 17:05 ngày 05/12/2026", or the line saying it is not signed yet. */
    status: string;
    name: string | null;
  };
}

const TEXT = {
  vi: {
    numberPrefix: 'Số',
    motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    mottoSub: 'Độc lập - Tự do - Hạnh phúc',
    situationSubtitle: 'Tình hình an toàn mạng lưới viễn thông, bưu chính',
    eventPeriod: (name: string) => `Phục vụ ${name}`,
    none: '(Không có)',
    noRemarks: '(Cán bộ trực chưa có ý kiến)',
    moreRows: (count: number) => `Còn ${count} dòng không hiển thị (đã tính trong số liệu tổng hợp).`,
    recipientsTitle: 'Nơi nhận:',
    recipients: ['- Lãnh đạo Sở;', '- Ban Chỉ đạo (để b/c);', '- Tổ trực;', '- Lưu: VT.'],
    shiftLeadRole: 'TRƯỞNG CA TRỰC',
    signedAt: (at: string) => `Đã ký lúc ${at}`,
    notSigned: '(Chưa ký duyệt)',
    no: 'STT',
    generated: (at: string) => `Lập lúc ${at}`,
  },
  en: {
    numberPrefix: 'No.',
    motto: 'SOCIALIST REPUBLIC OF VIET NAM',
    mottoSub: 'Independence - Freedom - Happiness',
    situationSubtitle: 'Safety of the telecom and postal networks',
    eventPeriod: (name: string) => `Serving ${name}`,
    none: '(None)',
    noRemarks: '(No remarks from the duty officer yet)',
    moreRows: (count: number) => `${count} more rows not shown (counted in the totals).`,
    recipientsTitle: 'To:',
    recipients: ['- Department leadership;', '- Steering committee (for information);', '- On-duty group;', '- Archive.'],
    shiftLeadRole: 'SHIFT LEAD',
    signedAt: (at: string) => `Signed off at ${at}`,
    notSigned: '(Not signed off yet)',
    no: 'No.',
    generated: (at: string) => `Generated at ${at}`,
  },
} as const;

const FILE_BASES: Record<ReportKind, string> = {
  situation: 'bao-cao-tinh-hinh',
  flash: 'bao-cao-nhanh',
  cyber_initial: 'bao-cao-ban-dau-su-co-attt',
  cyber_progress: 'bao-cao-dien-bien-su-co-attt',
};

type Draft = SectionDraft<ReportBlock>;
type Sub = { subsection: string; blocks: ReportBlock[] };

const paragraph = (text: string): ParagraphBlock => ({ kind: 'paragraph', text });

function table(columns: TableBlock['columns'], rows: string[][], empty: string, truncated = 0, language: Language = 'vi'): TableBlock {
  return { kind: 'table', columns, rows, empty, ...(truncated > 0 ? { note: TEXT[language].moreRows(truncated) } : {}) };
}

const numbered = (rows: string[][]): string[][] => rows.map((row, index) => [String(index + 1), ...row]);

function countTable(title: string, column: string, counts: ReportCountDto[], label: (count: ReportCountDto) => string, language: Language): Sub {
  const words = language === 'vi' ? ['Phát sinh', 'Đã khắc phục', 'Còn tồn'] : ['Reported', 'Resolved', 'Open at end'];
  return {
    subsection: title,
    blocks: [
      table(
        [{ header: TEXT[language].no, width: 28 }, { header: column, width: '*' }, ...words.map((header) => ({ header, width: 70 }))],
        numbered(counts.map((count) => [label(count), String(count.reported), String(count.resolved), String(count.openAtEnd)])),
        TEXT[language].none,
      ),
    ],
  };
}

function escalationTable(rows: ReportEscalationRowDto[], truncated: number, language: Language): TableBlock {
  const headers = language === 'vi' ? ['Mã sự cố', 'Trạm', 'Thời hạn', 'Cấp', 'Thời điểm', 'Hình thức'] : ['Incident', 'Site', 'Deadline', 'Level', 'At', 'How'];
  return table(
    [{ header: TEXT[language].no, width: 28 }, ...headers.map((header, index) => ({ header, width: index === 1 ? ('*' as const) : 70 }))],
    numbered(
      rows.map((row) => [
        row.reference,
        row.siteCode,
        word(DEADLINE_WORDS, row.kind, language),
        String(row.level),
        reportShortInstant(row.firedAt),
        language === 'vi' ? (row.manual ? 'Thủ công' : 'Tự động') : row.manual ? 'Manual' : 'Automatic',
      ]),
    ),
    TEXT[language].none,
    truncated,
    language,
  );
}

function situationSections(situation: SituationSnapshotDto, remarks: string, language: Language): Draft[] {
  const t = situation.totals;
  const vi = language === 'vi';
  const summary = vi
    ? `Trong kỳ báo cáo, Tổ trực tiếp nhận ${t.reported} sự cố, đã khắc phục ${t.resolved} sự cố; đến cuối kỳ còn ${t.openAtEnd} sự cố đang xử lý. ` +
      `Có ${t.breaches} lượt quá hạn, ${t.escalations} lượt chuyển cấp; ${t.sitesRestored} lượt trạm khôi phục hoạt động.`
    : `During the period the on-duty group received ${t.reported} incidents and ${t.resolved} were resolved; ${t.openAtEnd} were still open at its end. ` +
      `${t.breaches} deadlines were breached, ${t.escalations} escalations fired, and sites came back into service ${t.sitesRestored} times.`;
  const openHeaders = vi
    ? ['Mã sự cố', 'Trạm', 'Doanh nghiệp', 'Xã, phường', 'Loại sự cố', 'Mức độ', 'Trạng thái', 'Hạn tiếp nhận', 'Hạn khắc phục']
    : ['Incident', 'Site', 'Operator', 'Commune', 'Category', 'Severity', 'Status', 'Ack due', 'Restore due'];
  const breachHeaders = vi ? ['Mã sự cố', 'Trạm', 'Doanh nghiệp', 'Thời hạn', 'Hạn', 'Đã đáp ứng lúc'] : ['Incident', 'Site', 'Operator', 'Deadline', 'Due', 'Met at'];
  const restoredHeaders = vi ? ['Trạm', 'Tên trạm', 'Doanh nghiệp', 'Xã, phường', 'Khôi phục lúc'] : ['Site', 'Name', 'Operator', 'Commune', 'Back in service'];
  const none = TEXT[language].none;
  return [
    {
      title: vi ? 'Tình hình chung' : 'Overview',
      blocks: [
        paragraph(summary),
        ...(situation.eventPeriod ? [paragraph(TEXT[language].eventPeriod(situation.eventPeriod.name))] : []),
        countTable(vi ? 'Theo loại sự cố' : 'By category', vi ? 'Loại sự cố' : 'Category', situation.byCategory, (count) => word(CATEGORY_WORDS, count.key, language), language),
        countTable(vi ? 'Theo doanh nghiệp' : 'By operator', vi ? 'Doanh nghiệp' : 'Operator', situation.byOperator, (count) => count.label, language),
        countTable(vi ? 'Theo xã, phường' : 'By commune', vi ? 'Xã, phường' : 'Commune', situation.byCommune, (count) => count.label, language),
      ],
    },
    {
      title: vi ? 'Sự cố đang xử lý' : 'Incidents still open',
      blocks: [
        table(
          [{ header: TEXT[language].no, width: 18 }, ...openHeaders.map((header, index) => ({ header, width: index >= 7 ? 44 : ('*' as const) }))],
          numbered(
            situation.openIncidents.map((row) => [
              row.breached ? `${row.reference} (!)` : row.reference,
              `${row.siteCode} ${row.siteName}`,
              row.operatorName,
              row.communeName,
              word(CATEGORY_WORDS, row.category, language),
              `${word(SEVERITY_WORDS, row.severity, language)} ${row.priority}`,
              word(STATUS_WORDS, row.status, language),
              row.acknowledgeDueAt ? reportShortInstant(row.acknowledgeDueAt) : '—',
              reportShortInstant(row.restoreDueAt),
            ]),
          ),
          none,
          situation.truncated.openIncidents,
          language,
        ),
        ...(situation.openIncidents.some((row) => row.breached)
          ? [paragraph(vi ? 'Ghi chú: (!) sự cố đã quá hạn tiếp nhận hoặc khắc phục.' : 'Note: (!) an acknowledge or restore deadline was breached.')]
          : []),
      ],
    },
    {
      title: vi ? 'Quá hạn và chuyển cấp' : 'Breaches and escalations',
      blocks: [
        {
          subsection: vi ? 'Quá hạn' : 'Breached deadlines',
          blocks: [
            table(
              [{ header: TEXT[language].no, width: 28 }, ...breachHeaders.map((header, index) => ({ header, width: index === 1 ? ('*' as const) : 72 }))],
              numbered(
                situation.breaches.map((row) => [
                  row.reference,
                  row.siteCode,
                  row.operatorName,
                  word(DEADLINE_WORDS, row.kind, language),
                  reportShortInstant(row.dueAt),
                  row.metAt ? reportShortInstant(row.metAt) : vi ? 'Chưa' : 'Not yet',
                ]),
              ),
              none,
              situation.truncated.breaches,
              language,
            ),
          ],
        },
        { subsection: vi ? 'Chuyển cấp' : 'Escalations', blocks: [escalationTable(situation.escalations, situation.truncated.escalations, language)] },
      ],
    },
    {
      title: vi ? 'Trạm đã khôi phục' : 'Sites restored',
      blocks: [
        table(
          [{ header: TEXT[language].no, width: 28 }, ...restoredHeaders.map((header, index) => ({ header, width: index === 1 ? ('*' as const) : 80 }))],
          numbered(situation.sitesRestored.map((row) => [row.siteCode, row.siteName, row.operatorName, row.communeName, reportShortInstant(row.restoredAt)])),
          none,
          situation.truncated.sitesRestored,
          language,
        ),
      ],
    },
    { title: vi ? 'Ý kiến của cán bộ trực' : "Duty officer's remarks", blocks: [paragraph(remarks.trim() || TEXT[language].noRemarks)] },
  ];
}

function incidentFacts(snapshot: IncidentSnapshotDto, language: Language): TableBlock {
  const i = snapshot.incident;
  const vi = language === 'vi';
  const facts: [string, string][] = [
    [vi ? 'Mã sự cố' : 'Reference', i.reference],
    [vi ? 'Trạm' : 'Site', `${i.siteCode} — ${i.siteName} (${word(SITE_KIND_WORDS, i.siteKind, language)})`],
    [vi ? 'Doanh nghiệp' : 'Operator', i.operatorName],
    [vi ? 'Địa bàn' : 'Commune', i.formerDistrict ? `${i.communeName} (${vi ? 'huyện cũ' : 'former district'} ${i.formerDistrict})` : i.communeName],
    [vi ? 'Loại sự cố' : 'Category', word(CATEGORY_WORDS, i.category, language)],
    [vi ? 'Mức độ' : 'Severity', `${word(SEVERITY_WORDS, i.severity, language)}, ${vi ? 'ưu tiên' : 'priority'} ${i.priority}`],
    [vi ? 'Trạng thái' : 'Status', word(STATUS_WORDS, i.status, language)],
    [vi ? 'Mô tả' : 'Description', i.description],
    [vi ? 'Người báo' : 'Reported by', i.reporterPhone ? `${i.reporterName} (${i.reporterPhone})` : i.reporterName],
    [vi ? 'Thời điểm báo' : 'Reported at', reportInstant(i.reportedAt, language)],
    [vi ? 'Tiếp nhận lúc' : 'Acknowledged at', i.acknowledgedAt ? reportInstant(i.acknowledgedAt, language) : '—'],
    [vi ? 'Hạn khắc phục' : 'Restore due', reportInstant(i.restoreDueAt, language) + (i.breached ? (vi ? ' (đã quá hạn)' : ' (breached)') : '')],
    [vi ? 'Khắc phục lúc' : 'Resolved at', i.resolvedAt ? reportInstant(i.resolvedAt, language) : '—'],
  ];
  return table([{ header: vi ? 'Nội dung' : 'Item', width: 130 }, { header: vi ? 'Thông tin' : 'Detail', width: '*' }], facts, TEXT[language].none);
}

function timelineTable(snapshot: IncidentSnapshotDto, language: Language): TableBlock {
  const vi = language === 'vi';
  return table(
    [
      { header: TEXT[language].no, width: 28 },
      { header: vi ? 'Thời điểm' : 'At', width: 70 },
      { header: vi ? 'Diễn biến' : 'Event', width: 100 },
      { header: vi ? 'Người thực hiện' : 'By', width: 100 },
      { header: vi ? 'Nội dung' : 'Detail', width: '*' },
    ],
    numbered(snapshot.timeline.map((row) => [reportShortInstant(row.at), word(TIMELINE_WORDS, row.type, language), row.actor, row.detail])),
    TEXT[language].none,
  );
}

function respondersTable(snapshot: IncidentSnapshotDto, language: Language): TableBlock {
  const vi = language === 'vi';
  return table(
    [
      { header: TEXT[language].no, width: 28 },
      { header: vi ? 'Họ và tên' : 'Name', width: '*' },
      { header: vi ? 'Điện thoại' : 'Phone', width: 80 },
      { header: vi ? 'Cụm kỹ thuật' : 'Cluster', width: 110 },
      { header: vi ? 'Phân công' : 'Assigned', width: 62 },
      { header: vi ? 'Nhận việc' : 'Accepted', width: 62 },
      { header: vi ? 'Đến trạm' : 'On site', width: 62 },
    ],
    numbered(
      snapshot.responders.map((row) => [
        row.name,
        row.phone ?? '—',
        row.clusterName ?? '—',
        reportShortInstant(row.assignedAt),
        row.acceptedAt ? reportShortInstant(row.acceptedAt) : '—',
        row.onSiteAt ? reportShortInstant(row.onSiteAt) : '—',
      ]),
    ),
    TEXT[language].none,
  );
}

function impactParagraphs(snapshot: IncidentSnapshotDto, language: Language): ParagraphBlock[] {
  const impact = snapshot.impact;
  const i = snapshot.incident;
  const state = i.siteDownKind ? word(SITE_STATE_WORDS, i.siteDownKind, language) : word(SITE_STATE_WORDS, i.siteState, language);
  const hours = Math.floor(impact.minutesOpen / 60);
  const minutes = impact.minutesOpen % 60;
  return language === 'vi'
    ? [
        paragraph(`Trạng thái trạm khi lập báo cáo: ${state}. Sự cố đã kéo dài ${hours} giờ ${String(minutes).padStart(2, '0')} phút.`),
        paragraph(`Cùng trạm còn ${impact.otherOpenAtSite} sự cố khác đang mở; trên địa bàn xã, phường có ${impact.sitesDownInCommune} trạm đang mất liên lạc.`),
        ...(impact.eventP0 ? [paragraph('Trạm thuộc danh sách trạm trọng yếu (P0) phục vụ sự kiện đang diễn ra.')] : []),
      ]
    : [
        paragraph(`Site state when the report was made: ${state}. The incident has lasted ${hours} h ${String(minutes).padStart(2, '0')} min.`),
        paragraph(`${impact.otherOpenAtSite} other incidents are open at the same site; ${impact.sitesDownInCommune} sites of the commune are down.`),
        ...(impact.eventP0 ? [paragraph('The site is a P0 site of the running event period.')] : []),
      ];
}

function flashSections(snapshot: IncidentSnapshotDto, remarks: string, language: Language): Draft[] {
  const vi = language === 'vi';
  return [
    { title: vi ? 'Thông tin sự cố' : 'The incident', blocks: [incidentFacts(snapshot, language)] },
    { title: vi ? 'Diễn biến' : 'Timeline', blocks: [timelineTable(snapshot, language)] },
    { title: vi ? 'Lực lượng ứng cứu' : 'Responders', blocks: [respondersTable(snapshot, language)] },
    { title: vi ? 'Chuyển cấp' : 'Escalations', blocks: [escalationTable(snapshot.escalations, 0, language)] },
    { title: vi ? 'Mức độ ảnh hưởng' : 'Impact', blocks: impactParagraphs(snapshot, language) },
    { title: vi ? 'Ý kiến của cán bộ trực' : "Duty officer's remarks", blocks: [paragraph(remarks.trim() || TEXT[language].noRemarks)] },
  ];
}

function cyberSections(snapshot: ReportSnapshotDto, kind: ReportKind, remarks: string, language: Language): Draft[] {
  const incident = snapshot.incident;
  const cyber = snapshot.cyber;
  if (!incident || !cyber) return [];
  const vi = language === 'vi';
  const contact = cyber.contactPoint;
  const contactLine = contact
    ? `${contact.displayName}${contact.phone ? `, ${vi ? 'điện thoại' : 'phone'} ${contact.phone}` : ''}`
    : vi
      ? '(Chưa xác định trưởng ca trực)'
      : '(No shift lead on duty)';
  const unit = [
    paragraph(`${vi ? 'Đơn vị báo cáo' : 'Reporting unit'}: ${snapshot.agency.name} — ${snapshot.agency.parent}.`),
    paragraph(`${vi ? 'Đầu mối ứng cứu sự cố (trực 24/7)' : 'Incident response contact point (24/7)'}: ${contactLine}.`),
  ];
  const duty = cyber.beyondCapability
    ? vi
      ? 'Sự cố vượt quá khả năng xử lý của đơn vị: báo cáo ngay và đề nghị hỗ trợ ứng cứu (QĐ 05/2017/QĐ-TTg).'
      : "The incident is beyond the unit's capability: reported immediately, with a request for response support (QĐ 05/2017/QĐ-TTg)."
    : vi
      ? `Phát hiện lúc ${reportInstant(cyber.detectedAt, language)}; thông báo chậm nhất trong 05 ngày kể từ khi phát hiện, trước ${reportInstant(cyber.notifyBy, language)} (TT 20/2017/TT-BTTTT).`
      : `Detected at ${reportInstant(cyber.detectedAt, language)}; to be notified within 5 days of detection, by ${reportInstant(cyber.notifyBy, language)} (TT 20/2017/TT-BTTTT).`;
  const summary = cyber.summary.trim() || incident.incident.description;
  const written = (text: string) => paragraph(text.trim() || TEXT[language].none);
  const sections: Draft[] = [
    { title: vi ? 'Thông tin đơn vị báo cáo' : 'Reporting unit', blocks: unit },
    { title: vi ? 'Thông tin sự cố' : 'The incident', blocks: [incidentFacts(incident, language), paragraph(`${vi ? 'Tóm tắt' : 'Summary'}: ${summary}`)] },
    { title: vi ? 'Phân loại và thời hạn thông báo' : 'Classification and notification duty', blocks: [paragraph(duty)] },
  ];
  if (kind === 'cyber_progress') {
    sections.push({ title: vi ? 'Diễn biến tình hình' : 'Progress', blocks: [timelineTable(incident, language), respondersTable(incident, language)] });
  }
  sections.push(
    { title: vi ? 'Biện pháp đã triển khai' : 'Measures taken', blocks: [written(cyber.measuresTaken)] },
    { title: vi ? 'Kiến nghị, đề xuất' : 'Requests for direction', blocks: [written(cyber.requests)] },
    { title: vi ? 'Ý kiến của cán bộ trực' : "Duty officer's remarks", blocks: [paragraph(remarks.trim() || TEXT[language].noRemarks)] },
  );
  return sections;
}

/**
 * The report as it reads, built from the stored row and its snapshot alone: header, title, numbered
 * sections, tables and the sign-off block. Both renderers (PDF, XLSX) draw this model, so they agree.
 * A drill copy (NETDUTY_DRILL) marks the title "[DIỄN TẬP]".
 */
export function buildReportModel(report: StoredReport, language: Language, options: { drill?: boolean } = {}): ReportModel {
  const text = TEXT[language];
  const { snapshot } = report;
  const numberLabel = reportNumberLabel(report.number, snapshot.agency.numberSymbol);
  const subtitle: string[] = [];
  let drafts: Draft[];
  switch (report.kind) {
    case 'situation':
      subtitle.push(text.situationSubtitle, reportPeriodLine(report.periodFrom, report.periodTo, language));
      drafts = snapshot.situation ? situationSections(snapshot.situation, report.remarks, language) : [];
      break;
    case 'flash':
      if (snapshot.incident) {
        const i = snapshot.incident.incident;
        subtitle.push(language === 'vi' ? `Về sự cố ${i.reference} tại ${i.siteCode} — ${i.siteName}` : `On incident ${i.reference} at ${i.siteCode} — ${i.siteName}`);
      }
      drafts = snapshot.incident ? flashSections(snapshot.incident, report.remarks, language) : [];
      break;
    case 'cyber_initial':
    case 'cyber_progress':
      subtitle.push(
        language === 'vi'
          ? '(Theo Quyết định số 05/2017/QĐ-TTg và Thông tư số 20/2017/TT-BTTTT)'
          : '(Under Decision 05/2017/QĐ-TTg and Circular 20/2017/TT-BTTTT)',
      );
      if (snapshot.incident) subtitle.push(`${snapshot.incident.incident.reference} — ${snapshot.incident.incident.siteCode}`);
      drafts = cyberSections(snapshot, report.kind, report.remarks, language);
      break;
  }
  subtitle.push(text.generated(reportInstant(report.generatedAt, language)));
  const signed = report.signedOffAt !== null && report.signerName !== null;
  return {
    language,
    fileBase: `${FILE_BASES[report.kind]}-so-${report.number}-${numberLabel.split('/')[1]?.toLowerCase() ?? ''}`.replace(/[^a-z0-9-]+/g, '-'),
    header: {
      parent: snapshot.agency.parent.toLocaleUpperCase('vi'),
      agency: snapshot.agency.name.toLocaleUpperCase('vi'),
      number: `${text.numberPrefix}: ${numberLabel}`,
      motto: text.motto,
      mottoSub: text.mottoSub,
      dateLine: administrativeDateLine(snapshot.agency.place, report.generatedAt, language),
    },
    title: markForDrill(KIND_TITLES[report.kind][language], options.drill ?? false),
    subtitle,
    sections: numberSections(drafts),
    signature: {
      recipientsTitle: text.recipientsTitle,
      recipients: [...text.recipients],
      role: text.shiftLeadRole,
      status: signed && report.signedOffAt ? text.signedAt(reportInstant(report.signedOffAt, language)) : text.notSigned,
      name: signed ? report.signerName : (snapshot.shiftLead?.displayName ?? null),
    },
  };
}
