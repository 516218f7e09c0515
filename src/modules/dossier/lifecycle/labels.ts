// Vietnamese labels for the UI and for refusal messages.
import type { Role } from '../../auth/schema.ts';
import type { AgencyScope } from './action-policy.ts';
import type { ActionType, Channel } from './actions.ts';

export const ACTION_LABELS: Readonly<Record<ActionType, string>> = {
  submit: 'nộp hồ sơ',
  request_intake_supplement: 'yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận',
  supply_supplement: 'bổ sung hồ sơ',
  refuse: 'từ chối tiếp nhận hồ sơ',
  receive: 'tiếp nhận hồ sơ',
  start_step: 'nhận xử lý bước hiện tại',
  complete_step: 'hoàn thành bước và chuyển bước tiếp theo',
  transfer: 'chuyển liên thông hồ sơ',
  request_supplement: 'yêu cầu bổ sung hồ sơ trong quá trình giải quyết',
  apologise: 'xin lỗi và hẹn lại ngày trả kết quả',
  stop: 'dừng giải quyết hồ sơ',
  approve: 'phê duyệt hồ sơ',
  reject: 'từ chối giải quyết hồ sơ',
  issue_result: 'phát hành kết quả',
  return_result: 'trả kết quả',
  withdraw: 'rút hồ sơ',
};

// Same wording as web/src/labels.ts.
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  desk_officer: 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  head_of_office: 'Trưởng phòng',
  signing_leader: 'Lãnh đạo ký duyệt',
  clerk: 'Văn thư',
  reform_officer: 'Cán bộ CCHC – Nội vụ',
  admin: 'Quản trị hệ thống',
};

export const SCOPE_LABELS: Readonly<Record<AgencyScope, string>> = {
  receiving: 'cơ quan tiếp nhận hồ sơ (Bộ phận Một cửa)',
  holding: 'cơ quan đang giữ hồ sơ ở bước hiện tại',
  competent: 'cơ quan có thẩm quyền giải quyết',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  counter: 'trực tiếp tại Bộ phận Một cửa',
  online: 'trực tuyến',
  post: 'qua dịch vụ bưu chính công ích',
};

/** "Nộp hồ sơ" from "nộp hồ sơ": capitalised for the start of a UI label. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
