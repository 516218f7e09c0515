import type { Role } from '../modules/auth/schema.ts';

/** Demo-only accounts, one per role; the password is printed at start-up and in the README. */
export const demoPassword = 'Motcua@2026';

export interface DemoAccount {
  email: string;
  fullName: string;
  kind: 'citizen' | 'officer';
  /** Agency slug, or null for a deployment-wide administrator. */
  roles: { role: Role; agency: string | null }[];
  label: string;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'quantri@demo.motcua.vn',
    fullName: 'Nguyễn Văn Quản',
    kind: 'officer',
    label: 'Quản trị hệ thống',
    roles: [{ role: 'admin', agency: null }],
  },
  {
    email: 'motcua.vithanh@demo.motcua.vn',
    fullName: 'Trần Thị Mai',
    kind: 'officer',
    label: 'Cán bộ một cửa — TTPVHCC phường Vị Thanh',
    roles: [{ role: 'desk_officer', agency: 'cantho-phuong-vi-thanh-ttpvhcc' }],
  },
  {
    email: 'chuyenvien.vithanh@demo.motcua.vn',
    fullName: 'Lê Văn Hùng',
    kind: 'officer',
    label: 'Chuyên viên — UBND và Phòng Kinh tế, Hạ tầng và Đô thị phường Vị Thanh',
    roles: [
      { role: 'specialist', agency: 'cantho-phuong-vi-thanh-ubnd' },
      { role: 'specialist', agency: 'cantho-phuong-vi-thanh-kinh-te' },
    ],
  },
  {
    email: 'truongphong.vithanh@demo.motcua.vn',
    fullName: 'Phạm Minh Tuấn',
    kind: 'officer',
    label: 'Trưởng phòng (xem xét, trình ký) — UBND phường Vị Thanh',
    roles: [{ role: 'head_of_office', agency: 'cantho-phuong-vi-thanh-ubnd' }],
  },
  {
    email: 'lanhdao.vithanh@demo.motcua.vn',
    fullName: 'Võ Thanh Bình',
    kind: 'officer',
    label: 'Lãnh đạo ký duyệt — UBND phường Vị Thanh',
    roles: [{ role: 'signing_leader', agency: 'cantho-phuong-vi-thanh-ubnd' }],
  },
  {
    email: 'vanthu.vithanh@demo.motcua.vn',
    fullName: 'Huỳnh Thị Lan',
    kind: 'officer',
    label: 'Văn thư (phát hành kết quả) — UBND phường Vị Thanh',
    roles: [{ role: 'clerk', agency: 'cantho-phuong-vi-thanh-ubnd' }],
  },
  {
    email: 'cchc.noivu@demo.motcua.vn',
    fullName: 'Đặng Quốc Khánh',
    kind: 'officer',
    label: 'Cán bộ CCHC — Phòng Nội vụ thành phố Vị Thanh (giai đoạn kế hoạch)',
    roles: [{ role: 'reform_officer', agency: 'vithanh-noi-vu' }],
  },
  {
    email: 'taichinh.tckh@demo.motcua.vn',
    fullName: 'Lý Thị Thu Trang',
    kind: 'officer',
    label: 'Chuyên viên — Phòng Tài chính – Kế hoạch thành phố Vị Thanh (thẩm định, giải ngân kinh phí CCHC)',
    roles: [{ role: 'specialist', agency: 'vithanh-tc-kh' }],
  },
  {
    email: 'lanhdao.ubndtp@demo.motcua.vn',
    fullName: 'Trần Văn Phước',
    kind: 'officer',
    label: 'Lãnh đạo UBND thành phố Vị Thanh (phê duyệt kinh phí CCHC, giai đoạn kế hoạch)',
    roles: [{ role: 'signing_leader', agency: 'vithanh-ubnd' }],
  },
  {
    email: 'motcua.vitan@demo.motcua.vn',
    fullName: 'Ngô Thị Hạnh',
    kind: 'officer',
    label: 'Cán bộ một cửa — TTPVHCC phường Vị Tân',
    roles: [{ role: 'desk_officer', agency: 'cantho-phuong-vi-tan-ttpvhcc' }],
  },
  {
    email: 'vanhoa@demo.motcua.vn',
    fullName: 'Lý Thị Thu',
    kind: 'officer',
    label: 'Cán bộ Phòng Văn hóa – Xã hội phường Vị Thanh (tin tức, hướng dẫn CCHC)',
    roles: [{ role: 'specialist', agency: 'cantho-phuong-vi-thanh-vh-xh' }],
  },
  {
    email: 'congdan@demo.motcua.vn',
    fullName: 'Nguyễn Thị Hoa',
    kind: 'citizen',
    label: 'Công dân',
    roles: [],
  },
];
