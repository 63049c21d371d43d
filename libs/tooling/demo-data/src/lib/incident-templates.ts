/** Incident templates: the demo incidents, each matched to a fitting site. */
import type { IncidentCategory, IncidentStatus, OperatorCode, Severity } from '@netduty/contracts';
import { type Context, type DemoCluster, type DemoIncidentSpec, type DemoResponder, type DemoSite } from './types';
import { pad } from './text';
import { communeShortName, districtShortName } from './places';

// ------------------------------------------------------------------------------------ incidents

export interface IncidentTemplate {
  find: (site: DemoSite) => boolean;
  category: IncidentCategory;
  severity: Severity;
  description: (site: DemoSite, place: string, district: string) => string;
  reportedMinutesAgo: number;
  status: IncidentStatus;
  assign: number;
  comments: (place: string, district: string) => string[];
}

export const STORM_DISTRICT = 'Huyện Tràng Định';

export function incidentTemplates(ctx: Context): IncidentTemplate[] {
  const inDistrict = (site: DemoSite, name: string) => ctx.districtOf(site.communeCode)?.name === name;
  const p0 = (op: OperatorCode, name: string) => (s: DemoSite) => s.priority === 'P0' && s.operatorCode === op && s.name === name;
  const ordinaryBts = (op: OperatorCode, district: string) => (s: DemoSite) =>
    s.operatorCode === op && s.kind === 'bts' && s.priority === 'P2' && inDistrict(s, district);
  const isWard = (s: DemoSite) => ctx.byCode.get(s.communeCode)?.divisionType === 'phường';

  return [
    // --- a storm: one 35 kV feeder in Tràng Định trips, five BTS lose mains within 9 minutes
    {
      find: (s) => s.operatorCode === 'viettel' && s.name.startsWith('Trạm BTS hub') && inDistrict(s, STORM_DISTRICT),
      category: 'mains_failure', severity: 'critical', reportedMinutesAgo: 41, status: 'in_progress', assign: 2,
      description: (_s, place) => `Mất điện lưới tại trạm hub ${place}, trạm đang chạy ắc quy, dự kiến còn khoảng 2 giờ; 6 trạm phía sau truyền dẫn qua hub`,
      comments: (_p, d) => [
        `Điện lực ${d} xác nhận sự cố xuất tuyến 35 kV 371, chưa có thời gian cấp điện trở lại`,
        'Đã điều 01 máy phát điện từ kho, dự kiến có mặt tại trạm sau 40 phút',
      ],
    },
    {
      find: ordinaryBts('viettel', STORM_DISTRICT),
      category: 'mains_failure', severity: 'major', reportedMinutesAgo: 39, status: 'acknowledged', assign: 0,
      description: () => 'Mất điện lưới, trạm đang chạy ắc quy, dự kiến còn khoảng 3 giờ',
      comments: () => ['Cùng xuất tuyến với trạm hub, chờ điện lực khôi phục'],
    },
    {
      find: ordinaryBts('viettel', STORM_DISTRICT),
      category: 'mains_failure', severity: 'major', reportedMinutesAgo: 37, status: 'reported', assign: 0,
      description: () => 'Cảnh báo mất điện AC và điện áp DC thấp (47,2 V), ắc quy dự kiến còn khoảng 1 giờ',
      comments: () => [],
    },
    {
      find: ordinaryBts('vnpt', STORM_DISTRICT),
      category: 'mains_failure', severity: 'major', reportedMinutesAgo: 35, status: 'reported', assign: 0,
      description: () => 'Mất điện lưới cùng thời điểm với các trạm lân cận, trạm chuyển sang chạy ắc quy',
      comments: () => [],
    },
    {
      find: ordinaryBts('mobifone', STORM_DISTRICT),
      category: 'mains_failure', severity: 'critical', reportedMinutesAgo: 32, status: 'reported', assign: 0,
      description: (_s, place) => `Trạm mất liên lạc sau khi mất điện lưới, ắc quy đã cạn; mất sóng một phần xã ${place}`,
      comments: () => [],
    },
    // --- P0 sites during the congress
    {
      find: p0('viettel', 'Trạm BTS Trung tâm Hội nghị tỉnh'),
      category: 'congestion', severity: 'major', reportedMinutesAgo: 25, status: 'in_progress', assign: 2,
      description: () => 'Lưu lượng tăng đột biến tại Trung tâm Hội nghị tỉnh trong phiên khai mạc, tỷ lệ rớt cuộc gọi 2,8 %',
      comments: () => ['Đã tối ưu tham số cell và kích hoạt thêm sóng mang', 'Đề nghị đưa xe BTS lưu động vào vị trí dự phòng phía cổng chính'],
    },
    {
      find: p0('vnpt', 'Nút OLT Trụ sở Tỉnh ủy'),
      category: 'fibre_cut', severity: 'critical', reportedMinutesAgo: 18, status: 'acknowledged', assign: 0,
      description: () => 'Mất tín hiệu tuyến cáp quang nhánh cấp cho Trụ sở Tỉnh ủy, dịch vụ đã chuyển sang tuyến dự phòng',
      comments: () => ['Đội cơ động đang dò điểm đứt bằng máy OTDR'],
    },
    {
      find: p0('mobifone', 'Trạm BTS Khách sạn đại biểu Tam Thanh'),
      category: 'overheating', severity: 'minor', reportedMinutesAgo: 4, status: 'reported', assign: 0,
      description: () => 'Điều hòa phòng máy hỏng, nhiệt độ phòng máy 36 °C và đang tăng',
      comments: () => [],
    },
    {
      find: p0('viettel', 'Xe BTS lưu động Trung tâm Hội nghị tỉnh'),
      category: 'generator', severity: 'major', reportedMinutesAgo: 12, status: 'reported', assign: 0,
      description: () => 'Máy phát điện trên xe BTS lưu động báo lỗi, xe đang chạy ắc quy dự phòng',
      comments: () => [],
    },
    {
      find: p0('vnpost', 'Bưu cục Trung tâm báo chí'),
      category: 'postal_disruption', severity: 'minor', reportedMinutesAgo: 95, status: 'resolved', assign: 1,
      description: () => 'Mất kết nối phần mềm chấp nhận bưu gửi tại Bưu cục Trung tâm báo chí',
      comments: () => ['Đã chuyển sang chấp nhận thủ công, không ảnh hưởng phóng viên gửi tài liệu', 'Đã khôi phục kết nối sau khi thay bộ chuyển mạch'],
    },
    {
      find: p0('viettel', 'Trạm BTS Trụ sở UBND tỉnh'),
      category: 'equipment', severity: 'critical', reportedMinutesAgo: 150, status: 'in_progress', assign: 1,
      description: () => 'Card xử lý băng gốc lỗi, trạm Trụ sở UBND tỉnh mất sóng; vùng phủ tạm do các trạm lân cận đảm nhận',
      comments: () => ['Đã báo cáo nhanh lãnh đạo Sở', 'Card thay thế đang được chuyển từ kho Hà Nội, dự kiến 2 giờ nữa tới nơi'],
    },
    // --- past their deadlines
    {
      find: (s) => s.kind === 'transmission_node' && inDistrict(s, 'Huyện Cao Lộc'),
      category: 'fibre_cut', severity: 'critical', reportedMinutesAgo: 300, status: 'in_progress', assign: 2,
      description: () => 'Đứt cáp quang tuyến Đồng Đăng – Cao Lộc do thi công đường, 12 trạm phía sau mất truyền dẫn',
      comments: () => [
        'Đã xác định điểm đứt cách nút khoảng 3,2 km, đơn vị thi công đã dừng máy',
        'Đang hàn nối 48 sợi, dự kiến xong sau 1 giờ',
        'Đã định tuyến lại 5 trạm qua viba dự phòng',
      ],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Đình Lập'),
      category: 'low_battery', severity: 'major', reportedMinutesAgo: 75, status: 'reported', assign: 0,
      description: () => 'Ắc quy yếu, điện áp DC 46,8 V, trạm có nguy cơ mất liên lạc trong khoảng 30 phút',
      comments: () => [],
    },
    // --- the rest of a normal day
    {
      find: (s) => s.kind === 'transmission_node' && s.communeCode === ctx.seatOf.get('Huyện Bình Gia'),
      category: 'microwave_transmission', severity: 'major', reportedMinutesAgo: 50, status: 'acknowledged', assign: 0,
      description: (_s, place) => `Suy hao tuyến viba ${place} – Thiện Long, tỷ lệ lỗi bit tăng cao, nghi do mưa lớn`,
      comments: () => ['Theo dõi thêm 30 phút, nếu không cải thiện sẽ cử người lên cân chỉnh anten'],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Lộc Bình'),
      category: 'generator', severity: 'major', reportedMinutesAgo: 110, status: 'in_progress', assign: 1,
      description: () => 'Máy nổ không khởi động được khi mất điện lưới, đã cử nhân viên mang máy phát dự phòng lên trạm',
      comments: () => ['Nhân viên đã tới trạm, đang kiểm tra bộ đề'],
    },
    {
      find: ordinaryBts('vnpt', 'Huyện Bắc Sơn'),
      category: 'flooding_tower_damage', severity: 'major', reportedMinutesAgo: 240, status: 'in_progress', assign: 1,
      description: () => 'Sạt lở taluy dương sau mưa lớn, đe dọa móng cột anten; trạm vẫn phát sóng',
      comments: () => ['Đã đặt biển cảnh báo, đề nghị UBND xã hỗ trợ phương tiện gia cố'],
    },
    {
      find: ordinaryBts('mobifone', 'Huyện Văn Quan'),
      category: 'vandalism_theft', severity: 'minor', reportedMinutesAgo: 2880, status: 'closed', assign: 1,
      description: () => 'Mất trộm 04 bình ắc quy tại trạm, phát hiện khi kiểm tra định kỳ',
      comments: () => ['Đã trình báo Công an xã', 'Đã lắp bổ sung ắc quy và thay khóa tủ nguồn'],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Văn Lãng'),
      category: 'equipment', severity: 'minor', reportedMinutesAgo: 320, status: 'resolved', assign: 1,
      description: () => 'Lỗi khối RRU sector 2, vùng phủ phía bắc trạm giảm',
      comments: () => ['Đã thay RRU, các chỉ số KPI trở lại bình thường'],
    },
    {
      find: (s) => s.operatorCode === 'vnpt' && s.kind === 'broadband_node' && s.priority === 'P2' && isWard(s),
      category: 'cyber_security', severity: 'major', reportedMinutesAgo: 35, status: 'acknowledged', assign: 0,
      description: () => 'Phát hiện nhiều lần đăng nhập trái phép vào giao diện quản trị thiết bị OLT, đã khóa tài khoản và đổi mật khẩu',
      comments: () => ['Đã gửi báo cáo ban đầu theo quy định'],
    },
    {
      find: (s) => s.operatorCode === 'vnpost' && inDistrict(s, 'Huyện Đình Lập'),
      category: 'postal_disruption', severity: 'minor', reportedMinutesAgo: 600, status: 'reopened', assign: 1,
      description: () => 'Xe thư tuyến Lạng Sơn – Đình Lập chậm khoảng 3 giờ do sạt lở đường',
      comments: () => ['Đã đi đường vòng, bưu gửi đã tới nơi', 'Tuyến tiếp tục bị chậm sáng nay, mở lại sự cố'],
    },
    {
      find: (s) => s.operatorCode === 'vnpt' && s.kind === 'bts' && s.priority === 'P2' && ctx.byCode.get(s.communeCode)?.name === 'Phường Kỳ Lừa',
      category: 'congestion', severity: 'warning', reportedMinutesAgo: 1440, status: 'closed', assign: 0,
      description: () => 'Nghẽn mạng khu vực chợ Kỳ Lừa vào giờ cao điểm',
      comments: () => ['Đã cân bằng tải sang trạm lân cận, lưu lượng ổn định'],
    },
    {
      find: ordinaryBts('viettel', 'Huyện Hữu Lũng'),
      category: 'equipment', severity: 'major', reportedMinutesAgo: 400, status: 'reopened', assign: 1,
      description: () => 'Trạm mất liên lạc lặp lại sau khi đã khởi động lại thiết bị truyền dẫn',
      comments: () => ['Đã khởi động lại thiết bị, trạm lên sóng', 'Trạm lại mất liên lạc sau 2 giờ, mở lại để thay thiết bị'],
    },
  ];
}

export function buildIncidents(
  ctx: Context,
  sites: readonly DemoSite[],
  clusters: readonly DemoCluster[],
  responders: readonly DemoResponder[],
): DemoIncidentSpec[] {
  const { random } = ctx;
  const used = new Set<string>();
  const out: DemoIncidentSpec[] = [];
  incidentTemplates(ctx).forEach((t) => {
    const candidates = sites.filter((s) => !used.has(s.code) && t.find(s));
    if (candidates.length === 0) return; // cannot happen with the mandatory sites; keep the builder total
    const site = random.pick(candidates);
    used.add(site.code);
    const cluster = clusters.find((c) => c.operatorCode === site.operatorCode && c.communeCodes.includes(site.communeCode));
    const staff = responders.filter((r) => r.clusterKey === cluster?.key);
    const commune = ctx.byCode.get(site.communeCode);
    const place = communeShortName(commune?.name ?? '');
    const district = districtShortName(ctx.districtOf(site.communeCode)?.name ?? '');
    out.push({
      key: `demo-${pad(out.length + 1, 2)}`,
      siteCode: site.code,
      category: t.category,
      severity: t.severity,
      description: t.description(site, place, district),
      reporterName: staff.length > 0 ? random.pick(staff).name : 'Trực ca trung tâm điều hành',
      reportedMinutesAgo: t.reportedMinutesAgo,
      status: t.status,
      assignResponderCount: Math.min(t.assign, staff.length),
      comments: t.comments(place, district),
    });
  });
  return out;
}
