import { ACTION_LABELS as DOSSIER_ACTIONS } from '../dossier/lifecycle/labels.ts';
import { STATE_LABELS } from '../dossier/lifecycle/states.ts';
import { ACTION_LABELS as FEEDBACK_ACTIONS, STATUS_LABELS } from '../feedback/feedback-rules.ts';

// The back office's Vietnamese wording of an entry: what kind of action, and one line from its detail.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'dossier.transition': 'Xử lý hồ sơ (chuyển bước, trạng thái)',
  'dossier.personal_data_read': 'Xem thông tin cá nhân trong hồ sơ',
  'dossier.tracking_book_read': 'Xem, xuất sổ theo dõi hồ sơ',
  'feedback.state_change': 'Xử lý phản ánh, kiến nghị',
  'feedback.personal_data_read': 'Xem thông tin người gửi phản ánh',
  'account.create': 'Tạo tài khoản cán bộ',
};

// As the dossier page names them (web/src/labels.ts), lower-cased after «In».
const FORM_LABELS: Record<string, string> = {
  receipt: 'giấy tiếp nhận và hẹn trả kết quả',
  'supplement-request': 'phiếu yêu cầu bổ sung',
  refusal: 'phiếu từ chối',
  apology: 'văn bản xin lỗi, hẹn lại',
  'stop-notice': 'thông báo dừng',
  'control-sheet': 'phiếu kiểm soát quá trình',
};

const label = (labels: Readonly<Record<string, string>>, value: unknown) =>
  typeof value === 'string' ? (labels[value] ?? value) : '';
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

export function summaryOf(action: string, detail: Record<string, unknown>): string {
  switch (action) {
    case 'dossier.transition': {
      const what = capitalised(label(DOSSIER_ACTIONS, detail.action));
      const to = label(STATE_LABELS, detail.toState);
      return detail.fromState
        ? `${what}: ${label(STATE_LABELS, detail.fromState)} → ${to}`
        : `${what}: ${to}`;
    }
    case 'dossier.personal_data_read': {
      const view = String(detail.view ?? '');
      return view.startsWith('form:')
        ? `In ${label(FORM_LABELS, view.slice('form:'.length))}`
        : 'Mở trang chi tiết hồ sơ';
    }
    case 'dossier.tracking_book_read':
      return `Từ ngày ${detail.from} đến ngày ${detail.to} (tệp ${String(detail.format).toUpperCase()})`;
    case 'feedback.state_change':
      return `${label(FEEDBACK_ACTIONS, detail.action)}: ${label(STATUS_LABELS, detail.fromStatus)} → ${label(STATUS_LABELS, detail.toStatus)}`;
    case 'feedback.personal_data_read':
      return 'Mở trang chi tiết phản ánh';
    case 'account.create': {
      const roles = Array.isArray(detail.roles) ? detail.roles.length : 0;
      return `Cấp ${roles} vai trò`;
    }
    default:
      return '';
  }
}
