import type {
  AgencyKind,
  AgencyRole,
  ChannelKind,
  OnlineMode,
  ProcedureLevel,
  Role,
  StepActor,
  StepDurationUnit,
  TimeUnit,
} from './types';

// Vietnamese labels for the API's enumerations. Unknown values fall back to the raw value.

export const roleLabels: Record<Role, string> = {
  desk_officer: 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  head_of_office: 'Trưởng phòng',
  signing_leader: 'Lãnh đạo ký duyệt',
  clerk: 'Văn thư',
  reform_officer: 'Cán bộ CCHC – Nội vụ',
  admin: 'Quản trị hệ thống',
};

export const onlineModeLabels: Record<OnlineMode, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  none: 'Không trực tuyến',
};

export const onlineModeColors: Record<OnlineMode, string> = {
  full: 'green',
  partial: 'blue',
  none: 'default',
};

export const timeUnitLabels: Record<TimeUnit, string> = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  hours: 'giờ',
  working_hours: 'giờ làm việc',
};

export const unknownTimeUnitLabel = 'chưa xác định đơn vị';

export const stepDurationUnitLabels: Record<StepDurationUnit, string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
};

export const levelLabels: Record<ProcedureLevel, string> = {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  other: 'Cơ quan khác',
};

export const agencyKindLabels: Record<AgencyKind, string> = {
  people_committee: 'Ủy ban nhân dân',
  specialised_office: 'Cơ quan chuyên môn',
  public_service_centre: 'Trung tâm phục vụ hành chính công',
  one_stop_desk: 'Bộ phận một cửa',
  police: 'Công an',
  other: 'Cơ quan khác',
};

export const channelLabels: Record<ChannelKind, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Dịch vụ bưu chính',
};

export const stepActorLabels: Record<StepActor, string> = {
  desk_officer: roleLabels.desk_officer,
  specialist: roleLabels.specialist,
  head_of_office: roleLabels.head_of_office,
  signing_leader: roleLabels.signing_leader,
  clerk: roleLabels.clerk,
};

export const agencyRoleLabels: Record<AgencyRole, string> = {
  receiving: 'Cơ quan tiếp nhận',
  competent: 'Cơ quan có thẩm quyền',
};

export const flagAttributeLabels: Record<string, string> = {
  processing_time: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  online_mode: 'Hình thức trực tuyến',
  required_documents: 'Thành phần hồ sơ',
  internal_process: 'Quy trình nội bộ',
};

export const onlineLevelLabels: Record<number, string> = {
  1: 'Mức độ 1',
  2: 'Mức độ 2',
  3: 'Mức độ 3',
  4: 'Mức độ 4',
};

/** Looks a value up in a label table, falling back to the value itself. */
export function labelOf(table: Record<string, string>, value: string | null | undefined): string {
  if (value == null) return '';
  return table[value] ?? value;
}

/** `{ value, label }` options for antd Select from a label table. */
export function optionsOf<K extends string>(table: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(table) as K[]).map((value) => ({ value, label: table[value] }));
}
