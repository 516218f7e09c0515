import { dossierActionLabels, dossierStateLabels, roleLabels } from '../../labels';

export const auditActionLabels: Record<string, string> = {
  'dossier.transition': 'Xử lý hồ sơ (chuyển bước, trạng thái)',
  'dossier.personal_data_read': 'Xem thông tin cá nhân trong hồ sơ',
  'dossier.tracking_book_read': 'Xem, xuất sổ theo dõi hồ sơ',
  'feedback.state_change': 'Xử lý phản ánh, kiến nghị',
  'feedback.personal_data_read': 'Xem thông tin người gửi phản ánh',
  'account.create': 'Tạo tài khoản cán bộ',
};

const subjectLabels: Record<string, string> = {
  dossier: 'Hồ sơ',
  feedback: 'Phản ánh',
  agency: 'Cơ quan',
  account: 'Tài khoản',
};

const otherRoles: Record<string, string> = {
  cli: 'Dòng lệnh quản trị',
  system: 'Hệ thống',
  applicant: 'Người nộp hồ sơ',
  citizen: 'Người dân',
};

export const auditRoleLabel = (role: string | null) =>
  role ? ((roleLabels as Record<string, string>)[role] ?? otherRoles[role] ?? role) : '—';

export const subjectLabel = (type: string) => subjectLabels[type] ?? type;

const state = (s: unknown) =>
  typeof s === 'string' ? ((dossierStateLabels as Record<string, string>)[s] ?? s) : '';

/** One line about what the entry records, from its detail (which never holds personal data). */
export function describeDetail(action: string, detail: Record<string, unknown>): string {
  switch (action) {
    case 'dossier.transition': {
      const what =
        (dossierActionLabels as Record<string, string>)[String(detail.action)] ?? String(detail.action);
      return detail.fromState
        ? `${what}: ${state(detail.fromState)} → ${state(detail.toState)}`
        : `${what}: ${state(detail.toState)}`;
    }
    case 'dossier.personal_data_read':
      return detail.view === 'detail'
        ? 'Mở trang chi tiết hồ sơ'
        : `In biểu mẫu ${String(detail.view).replace('form:', '')}`;
    case 'dossier.tracking_book_read':
      return `Từ ${detail.from} đến ${detail.to} (${String(detail.format).toUpperCase()})`;
    case 'feedback.state_change':
      return `${detail.action}: ${detail.fromStatus} → ${detail.toStatus}`;
    case 'feedback.personal_data_read':
      return detail.code ? `Phản ánh ${detail.code}` : 'Mở trang chi tiết phản ánh';
    case 'account.create':
      return Array.isArray(detail.roles)
        ? `Vai trò: ${detail.roles.map((r: { role: string }) => auditRoleLabel(r.role)).join(', ')}`
        : '';
    default:
      return JSON.stringify(detail);
  }
}
