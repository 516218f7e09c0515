// Demo criteria of the e-government self-assessment for the current year (plan 2021–2025, III.7). The criteria
// follow the plan's text (online services, electronic documents and digital signatures, shared platforms,
// paperless meeting rooms and online meetings, the three public Wi-Fi points, trained staff); targets the plan
// does not fix are INVENTED for the demo and say so in their note. Idempotent: skipped on (year, code).
import { egovCriteria } from '../modules/egov-assessment/schema.ts';
import type { Db } from '../platform/db/connect.ts';

const INVENTED = 'Chỉ tiêu minh họa, tự đặt cho dữ liệu demo (không phải số liệu chính thức).';

type Spec = Omit<typeof egovCriteria.$inferInsert, 'year' | 'ordinal' | 'id' | 'version'>;

export const demoEgovCriteria: Spec[] = [
  {
    code: '1.1',
    groupName: 'Dịch vụ công trực tuyến',
    title: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến',
    kind: 'system',
    source: 'procedures_online',
    unit: '%',
    target: 80,
    weight: 2,
    note: INVENTED,
  },
  {
    code: '1.2',
    groupName: 'Dịch vụ công trực tuyến',
    title: 'Tỷ lệ hồ sơ nộp trực tuyến trên tổng số hồ sơ tiếp nhận',
    kind: 'system',
    source: 'dossiers_online',
    unit: '%',
    target: 50,
    weight: 2,
    note: INVENTED,
  },
  {
    code: '2.1',
    groupName: 'Văn bản điện tử, chữ ký số',
    title: 'Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử',
    kind: 'system',
    source: 'documents_electronic',
    unit: '%',
    target: 95,
    weight: 2,
    note: 'Chỉ tiêu (5) của Kế hoạch CCHC 2021–2025.',
  },
  {
    code: '2.2',
    groupName: 'Văn bản điện tử, chữ ký số',
    title: 'Tỷ lệ văn bản điện tử được ký số',
    kind: 'system',
    source: 'documents_signed',
    unit: '%',
    target: 90,
    weight: 1,
    note: INVENTED,
  },
  {
    code: '2.3',
    groupName: 'Văn bản điện tử, chữ ký số',
    title: 'Sử dụng phần mềm quản lý văn bản và điều hành trên môi trường mạng',
    kind: 'yes_no',
    unit: '',
    target: 1,
    weight: 1,
  },
  {
    code: '3.1',
    groupName: 'Nền tảng dùng chung',
    title: 'Kết nối, sử dụng hệ thống thông tin giải quyết TTHC dùng chung của tỉnh, thành phố',
    kind: 'yes_no',
    unit: '',
    target: 1,
    weight: 1,
  },
  {
    code: '3.2',
    groupName: 'Nền tảng dùng chung',
    title: 'Mức độ sử dụng phòng họp không giấy (0: chưa có – 4: mọi cuộc họp)',
    kind: 'level',
    unit: 'mức',
    target: 3,
    weight: 1,
    maxLevel: 4,
    note: INVENTED,
  },
  {
    code: '3.3',
    groupName: 'Nền tảng dùng chung',
    title: 'Sử dụng nhóm Zalo trong chỉ đạo, điều hành',
    kind: 'yes_no',
    unit: '',
    target: 1,
    weight: 0.5,
  },
  {
    code: '4.1',
    groupName: 'Hạ tầng kỹ thuật',
    title: 'Số điểm Wi-Fi công cộng phục vụ người dân đang hoạt động',
    kind: 'number',
    unit: 'điểm',
    target: 3,
    weight: 1,
    forAgencies: false,
    forUnit: true,
    note: 'Kế hoạch CCHC 2021–2025: nâng cấp 3 điểm Wi-Fi công cộng.',
  },
  {
    code: '4.2',
    groupName: 'Hạ tầng kỹ thuật',
    title: 'Số phường, xã có điểm họp trực tuyến kết nối với thành phố',
    kind: 'number',
    unit: 'điểm',
    target: 4,
    weight: 1,
    forAgencies: false,
    forUnit: true,
    note: INVENTED,
  },
  {
    code: '4.3',
    groupName: 'Hạ tầng kỹ thuật',
    title: 'Tỷ lệ máy tính của cán bộ kết nối mạng nội bộ và Internet',
    kind: 'number',
    unit: '%',
    target: 100,
    weight: 1,
    note: INVENTED,
  },
  {
    code: '5.1',
    groupName: 'Nhân lực',
    title: 'Tỷ lệ CBCCVC được tập huấn sử dụng phần mềm dịch vụ công',
    kind: 'system',
    source: 'staff_trained',
    unit: '%',
    target: 100,
    weight: 1,
    note: INVENTED,
  },
];

export async function seedEgovCriteria(db: Db, year = new Date().getFullYear()): Promise<string> {
  const inserted = await db
    .insert(egovCriteria)
    .values(demoEgovCriteria.map((c, i) => ({ ...c, year, ordinal: i + 1 })))
    .onConflictDoNothing()
    .returning({ id: egovCriteria.id });
  return `Tiêu chí tự đánh giá chính quyền điện tử năm ${year}: thêm ${inserted.length}.`;
}
