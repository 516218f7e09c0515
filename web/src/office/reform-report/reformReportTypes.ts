// Shapes of the yearly reform report API (src/modules/reform-report) and their Vietnamese labels.

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'accepted';

export interface FigureRate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface ReportFigures {
  received: number;
  resolved: number;
  onTime: FigureRate;
  online: FigureRate;
  satisfaction: FigureRate;
  digitisation: FigureRate;
  feedbackReceived: number;
  feedbackHandled: FigureRate;
  documentsElectronic: FigureRate;
  staffTrained: FigureRate;
}

export interface ReportListItem {
  id: string;
  agencyId: string;
  agencyName: string;
  status: ReportStatus;
  late: boolean;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
}

export interface ReportList {
  year: number;
  plan: { id: string; title: string; fromYear: number; toYear: number };
  deadline: string;
  reviewDeadline: string;
  items: ReportListItem[];
  canStart: { id: string; name: string }[];
}

export interface ReportView {
  id: string;
  agency: { id: string; name: string };
  plan: { id: string; title: string };
  year: number;
  status: ReportStatus;
  deadline: string;
  late: boolean;
  figures: ReportFigures;
  figuresAt: string;
  areas: { id: string; code: string; title: string; text: string }[];
  summary: string;
  difficulties: string;
  proposals: string;
  reviewComment: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  version: number;
  events: { action: string; actorName: string | null; at: string; data: Record<string, unknown> }[];
  can: { edit: boolean; submit: boolean; review: boolean };
}

export const statusLabel: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Trả lại để chỉnh sửa',
  resubmitted: 'Đã gửi lại',
  accepted: 'Đã chấp nhận',
};

export const statusColor: Record<ReportStatus, string | undefined> = {
  draft: undefined,
  submitted: 'blue',
  returned: 'orange',
  resubmitted: 'blue',
  accepted: 'green',
};

export const eventLabel: Record<string, string> = {
  created: 'Lập báo cáo',
  edited: 'Cập nhật nội dung',
  figures_refreshed: 'Cập nhật số liệu',
  submitted: 'Gửi báo cáo',
  returned: 'Trả lại để chỉnh sửa',
  resubmitted: 'Gửi lại báo cáo',
  accepted: 'Chấp nhận báo cáo',
};

/** The figures in the order the form shows them. */
export const figureRows: { key: keyof ReportFigures; label: string }[] = [
  { key: 'received', label: 'Hồ sơ TTHC tiếp nhận' },
  { key: 'resolved', label: 'Hồ sơ đã giải quyết' },
  { key: 'onTime', label: 'Tỷ lệ giải quyết trước hạn, đúng hạn' },
  { key: 'online', label: 'Tỷ lệ hồ sơ trực tuyến' },
  { key: 'satisfaction', label: 'Tỷ lệ hài lòng' },
  { key: 'feedbackReceived', label: 'Phản ánh, kiến nghị tiếp nhận' },
  { key: 'feedbackHandled', label: 'Phản ánh, kiến nghị xử lý đúng hạn' },
  { key: 'digitisation', label: 'Tỷ lệ số hóa hồ sơ' },
  { key: 'documentsElectronic', label: 'Văn bản trao đổi dưới dạng điện tử' },
  { key: 'staffTrained', label: 'CBCCVC được tập huấn dịch vụ công trực tuyến' },
];

export function figureText(f: ReportFigures, key: keyof ReportFigures): string {
  const v = f[key];
  if (typeof v === 'number') return v.toLocaleString('vi-VN');
  if (v.value === null) return '— (chưa có số liệu)';
  return `${v.value.toLocaleString('vi-VN')}% (${v.numerator.toLocaleString('vi-VN')}/${v.denominator.toLocaleString('vi-VN')})`;
}

export const dmy = (iso: string) => iso.split('-').reverse().join('/');
