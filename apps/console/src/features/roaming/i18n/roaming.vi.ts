/** Chuyển vùng nội địa: the dashboard's roaming panel. Vietnamese first; roaming.en.ts has the same keys. */
export const roamingVi = {
  roaming: {
    title: 'Đề xuất chuyển vùng nội địa',
    none: 'Không có xã/phường nào cần chuyển vùng.',
    proposal: '{{lost}} mất sóng toàn bộ {{count}} trạm BTS tại {{commune}}',
    hosts: 'Doanh nghiệp còn sóng:',
    issue: 'Yêu cầu {{host}} chuyển vùng',
    issued: 'Đã yêu cầu {{host}} — hạn {{deadline}}',
    inEffect: 'Đang chuyển vùng qua {{host}}',
    issuedToast: 'Đã phát yêu cầu chuyển vùng (hạn 30 phút)',
    withoutHost: 'Không còn doanh nghiệp nào có sóng để chuyển vùng:',
    operators: { viettel: 'Viettel', vnpt: 'VNPT', mobifone: 'MobiFone', vnpost: 'Bưu điện Việt Nam', viettelpost: 'Viettel Post' },
  },
};
