import type { AreaKind } from './schema.ts';

/** The seven task areas and six solution lines of the 2021–2025 master plan: a new plan's default areas. */
export const standardAreas: { kind: AreaKind; code: string; title: string }[] = [
  { kind: 'task_area', code: 'III.1', title: 'Công tác chỉ đạo, điều hành CCHC' },
  { kind: 'task_area', code: 'III.2', title: 'Cải cách thể chế' },
  { kind: 'task_area', code: 'III.3', title: 'Cải cách thủ tục hành chính' },
  { kind: 'task_area', code: 'III.4', title: 'Cải cách tổ chức bộ máy' },
  { kind: 'task_area', code: 'III.5', title: 'Xây dựng và nâng cao chất lượng đội ngũ CBCCVC' },
  { kind: 'task_area', code: 'III.6', title: 'Cải cách tài chính công' },
  { kind: 'task_area', code: 'III.7', title: 'Hiện đại hóa nền hành chính' },
  {
    kind: 'solution',
    code: 'IV.1',
    title: 'Tăng cường công tác chỉ đạo việc thực hiện CCHC đồng bộ và thống nhất',
  },
  {
    kind: 'solution',
    code: 'IV.2',
    title:
      'Tăng cường công tác thông tin, tuyên truyền, nâng cao nhận thức cho CBCCVC, người dân, doanh nghiệp',
  },
  { kind: 'solution', code: 'IV.3', title: 'Bố trí đủ nguồn tài chính và nhân lực cho CCHC' },
  { kind: 'solution', code: 'IV.4', title: 'Tạo động lực cải cách trong đội ngũ CBCCVC' },
  {
    kind: 'solution',
    code: 'IV.5',
    title: 'Đổi mới phương pháp theo dõi, đánh giá kết quả CCHC; thường xuyên đo lường sự hài lòng',
  },
  {
    kind: 'solution',
    code: 'IV.6',
    title: 'Đẩy mạnh ứng dụng khoa học công nghệ trong thực hiện từng nội dung CCHC',
  },
];
