import type { DeadlineKind, IncidentCategory, IncidentStatus, Language, ReportKind, Severity, SiteDownKind, SiteKind, SiteState, TimelineEventType } from '@netduty/contracts';

type Words<K extends string> = Record<K, Record<Language, string>>;

/** The report's words for the wire's enumerations, Vietnamese first (the console keeps its own, in its lazy chunk). */
export const CATEGORY_WORDS: Words<IncidentCategory> = {
  mains_failure: { vi: 'Mất điện lưới', en: 'Mains failure' },
  low_battery: { vi: 'Ắc quy yếu', en: 'Low battery' },
  generator: { vi: 'Sự cố máy phát điện', en: 'Generator problem' },
  fibre_cut: { vi: 'Đứt cáp quang', en: 'Fibre cut' },
  microwave_transmission: { vi: 'Sự cố viba, truyền dẫn', en: 'Microwave / transmission' },
  equipment: { vi: 'Hỏng thiết bị', en: 'Equipment failure' },
  overheating: { vi: 'Quá nhiệt, điều hòa', en: 'Overheating / air-conditioning' },
  flooding_tower_damage: { vi: 'Ngập lụt, đổ cột', en: 'Flooding / tower damage' },
  vandalism_theft: { vi: 'Phá hoại, trộm cắp', en: 'Vandalism / theft' },
  congestion: { vi: 'Nghẽn mạng', en: 'Congestion' },
  cyber_security: { vi: 'Sự cố an toàn thông tin mạng', en: 'Cyber-security incident' },
  postal_disruption: { vi: 'Gián đoạn dịch vụ bưu chính', en: 'Postal service disruption' },
  other: { vi: 'Khác', en: 'Other' },
};

export const SEVERITY_WORDS: Words<Severity> = {
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
  major: { vi: 'Cao', en: 'Major' },
  minor: { vi: 'Trung bình', en: 'Minor' },
  warning: { vi: 'Thấp', en: 'Warning' },
};

export const STATUS_WORDS: Words<IncidentStatus> = {
  reported: { vi: 'Mới báo', en: 'Reported' },
  acknowledged: { vi: 'Đã tiếp nhận', en: 'Acknowledged' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  resolved: { vi: 'Đã khắc phục', en: 'Resolved' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  reopened: { vi: 'Mở lại', en: 'Reopened' },
};

export const DEADLINE_WORDS: Words<DeadlineKind> = {
  acknowledge: { vi: 'Tiếp nhận', en: 'Acknowledge' },
  restore: { vi: 'Khắc phục', en: 'Restore' },
};

export const TIMELINE_WORDS: Words<TimelineEventType> = {
  reported: { vi: 'Báo sự cố', en: 'Reported' },
  acknowledged: { vi: 'Tiếp nhận', en: 'Acknowledged' },
  assigned: { vi: 'Phân công xử lý', en: 'Assigned' },
  commented: { vi: 'Ghi chú', en: 'Comment' },
  escalated: { vi: 'Chuyển cấp', en: 'Escalated' },
  resolved: { vi: 'Đã khắc phục', en: 'Resolved' },
  closed: { vi: 'Đóng sự cố', en: 'Closed' },
  reopened: { vi: 'Mở lại', en: 'Reopened' },
  assignment_accepted: { vi: 'Nhận việc', en: 'Assignment accepted' },
  responder_en_route: { vi: 'Đang di chuyển', en: 'En route' },
  responder_on_site: { vi: 'Đã đến trạm', en: 'On site' },
  alarm_raised: { vi: 'Cảnh báo từ mạng', en: 'Network alarm' },
  alarm_cleared: { vi: 'Cảnh báo đã hết', en: 'Alarm cleared' },
  correlated: { vi: 'Gom nhóm sự cố diện rộng', en: 'Mass-outage correlation' },
  flapping: { vi: 'Cảnh báo chập chờn', en: 'Flapping' },
};

export const SITE_KIND_WORDS: Words<SiteKind> = {
  bts: { vi: 'Trạm BTS', en: 'BTS site' },
  broadband_node: { vi: 'Nút mạng băng rộng cố định', en: 'Broadband node' },
  transmission_node: { vi: 'Nút truyền dẫn', en: 'Transmission node' },
  postal_point: { vi: 'Điểm phục vụ bưu chính', en: 'Postal service point' },
};

export const SITE_STATE_WORDS: Words<SiteState | SiteDownKind> = {
  in_service: { vi: 'Hoạt động bình thường', en: 'In service' },
  degraded: { vi: 'Suy giảm', en: 'Degraded' },
  down: { vi: 'Mất liên lạc', en: 'Down' },
  on_battery: { vi: 'Chạy ắc quy', en: 'On battery' },
  on_generator: { vi: 'Chạy máy phát', en: 'On generator' },
  off_air: { vi: 'Mất sóng', en: 'Off air' },
};

export const KIND_TITLES: Words<ReportKind> = {
  situation: { vi: 'BÁO CÁO TÌNH HÌNH', en: 'SITUATION REPORT' },
  flash: { vi: 'BÁO CÁO NHANH', en: 'FLASH REPORT' },
  cyber_initial: { vi: 'BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG', en: 'INITIAL REPORT OF A CYBER-SECURITY INCIDENT' },
  cyber_progress: { vi: 'BÁO CÁO DIỄN BIẾN TÌNH HÌNH SỰ CỐ AN TOÀN THÔNG TIN MẠNG', en: 'PROGRESS REPORT OF A CYBER-SECURITY INCIDENT' },
};

/** Lookup that tolerates a value a later version added (an old renderer never throws on a stored snapshot). */
export function word<K extends string>(words: Words<K>, key: string, language: Language): string {
  return (words as Record<string, Record<Language, string> | undefined>)[key]?.[language] ?? key;
}
