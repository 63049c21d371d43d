/** People: technical clusters per operator and their responders, with invented names and phone numbers. */
import type { OperatorCode } from '@netduty/contracts';
import { type Context, type DemoCluster, type DemoResponder } from './types';
import { Random } from './random';
import { CITY } from './places';
import { pad, slug } from './text';
import { DEMO_OPERATORS, OPERATOR_LABEL } from './operators';

/**
 * Cluster layout per operator, as lists of former districts (short names). Neighbouring districts
 * are grouped: Viettel keeps one cluster per former district, the others pool smaller ones.
 */
export const CLUSTER_LAYOUT: Readonly<Record<OperatorCode, readonly (readonly string[])[]>> = {
  viettel: [
    [CITY], ['Tràng Định'], ['Bình Gia'], ['Văn Lãng'], ['Cao Lộc'], ['Văn Quan'],
    ['Bắc Sơn'], ['Hữu Lũng'], ['Chi Lăng'], ['Lộc Bình'], ['Đình Lập'],
  ],
  vnpt: [
    [CITY, 'Cao Lộc'], ['Tràng Định'], ['Bình Gia'], ['Văn Lãng'], ['Văn Quan'],
    ['Bắc Sơn'], ['Hữu Lũng'], ['Chi Lăng'], ['Lộc Bình', 'Đình Lập'],
  ],
  mobifone: [
    [CITY, 'Cao Lộc'], ['Tràng Định', 'Văn Lãng'], ['Bình Gia', 'Bắc Sơn'],
    ['Văn Quan', 'Chi Lăng'], ['Hữu Lũng'], ['Lộc Bình', 'Đình Lập'],
  ],
  vnpost: [
    [CITY, 'Cao Lộc'], ['Tràng Định', 'Văn Lãng'], ['Bình Gia', 'Văn Quan'],
    ['Bắc Sơn', 'Hữu Lũng'], ['Chi Lăng', 'Lộc Bình', 'Đình Lập'],
  ],
  viettelpost: [
    [CITY, 'Cao Lộc', 'Văn Lãng'], ['Tràng Định', 'Bình Gia', 'Bắc Sơn'],
    ['Văn Quan', 'Chi Lăng', 'Hữu Lũng'], ['Lộc Bình', 'Đình Lập'],
  ],
};

export const PHONE_PREFIXES: Readonly<Record<OperatorCode, readonly string[]>> = {
  viettel: ['098', '097', '096', '086', '035', '038'],
  vnpt: ['091', '094', '088', '083', '085'],
  mobifone: ['090', '093', '089', '070', '079'],
  vnpost: ['091', '094', '088'],
  viettelpost: ['098', '097', '096', '086'],
};

// Tày and Nùng family names are common in Lạng Sơn; Kinh names too.
export const FAMILY_NAMES = [
  'Hoàng', 'Nông', 'Lương', 'Vi', 'Lăng', 'Chu', 'Hà', 'Đinh', 'Lộc', 'Triệu', 'Mã', 'Bế', 'Lục', 'Hứa',
  'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Vũ', 'Đặng', 'Hoàng', 'Nông',
];
export const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Tiến', 'Xuân'];
export const MALE_GIVEN = [
  'Hùng', 'Dũng', 'Tuấn', 'Cường', 'Thắng', 'Hải', 'Long', 'Sơn', 'Quân', 'Khánh', 'Tùng', 'Phong', 'Nam',
  'Hiếu', 'Trung', 'Toàn', 'Vinh', 'Lâm', 'Thành', 'Bình', 'Đạt', 'Huy', 'Kiên', 'Chiến', 'Tú',
];
export const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh'];
export const FEMALE_GIVEN = ['Hoa', 'Lan', 'Hương', 'Mai', 'Thảo', 'Huyền', 'Nga', 'Trang', 'Linh', 'Yến', 'Hằng', 'Phương', 'Thủy'];

// ---------------------------------------------------------------------- clusters & responders

export function buildClusters(ctx: Context): DemoCluster[] {
  const clusters: DemoCluster[] = [];
  for (const op of DEMO_OPERATORS) {
    const layout = CLUSTER_LAYOUT[op.code];
    const postal = op.kind === 'postal';
    layout.forEach((group, index) => {
      const districtNames = group.map((short) => (short === CITY ? CITY : `Huyện ${short}`));
      const communeCodes = ctx.communes
        .filter((c) =>
          c.formerDistrict !== null && ctx.districts.some((d) => d.name === c.formerDistrict)
            ? districtNames.includes(c.formerDistrict)
            : index === 0, // a unit without a known former district goes to the first cluster
        )
        .map((c) => c.code);
      clusters.push({
        key: `${op.code}-${group.map(slug).join('-')}`,
        name: `${postal ? 'Cụm bưu chính' : 'Cụm kỹ thuật'} ${OPERATOR_LABEL[op.code]} ${group.join(' – ')}`,
        operatorCode: op.code,
        communeCodes,
      });
    });
  }
  return clusters;
}

export function buildResponders(random: Random, clusters: readonly DemoCluster[]): DemoResponder[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const responders: DemoResponder[] = [];
  for (const cluster of clusters) {
    const count = random.int(2, 4);
    for (let i = 1; i <= count; i++) {
      let name = '';
      do {
        const female = random.float() < 0.2;
        name = [
          random.pick(FAMILY_NAMES),
          random.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE),
          random.pick(female ? FEMALE_GIVEN : MALE_GIVEN),
        ].join(' ');
      } while (names.has(name));
      names.add(name);
      let phone = '';
      do {
        phone = random.pick(PHONE_PREFIXES[cluster.operatorCode]) + pad(random.int(0, 9_999_999), 7);
      } while (phones.has(phone) || /^0\d\d0000/.test(phone));
      phones.add(phone);
      responders.push({
        key: `${cluster.key}-${i}`,
        name,
        phone,
        operatorCode: cluster.operatorCode,
        clusterKey: cluster.key,
      });
    }
  }
  return responders;
}
