import type {
  AgencyKind,
  AgencyRole,
  ApplicantKind,
  ChannelKind,
  DossierActionType,
  DossierChannel,
  DossierDocumentKind,
  DossierFormKind,
  DossierState,
  OnlineMode,
  ProcedureLevel,
  Role,
  StepActor,
  StepDurationUnit,
  StepTiming,
  TimeUnit,
  Urgency,
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

// One-stop dossiers. The wording is copied from the server's lifecycle (src/modules/dossier/lifecycle:
// states.ts STATE_LABELS, labels.ts ACTION_LABELS and CHANNEL_LABELS); the server also sends most labels itself.

export const dossierStateLabels: Record<DossierState, string> = {
  draft: 'Đang soạn, chưa nộp',
  submitted: 'Đã nộp, chờ kiểm tra tiếp nhận',
  intake_supplement_requested: 'Chờ bổ sung, hoàn thiện hồ sơ (chưa tiếp nhận)',
  refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang giải quyết',
  supplement_requested: 'Chờ bổ sung hồ sơ (trong quá trình giải quyết)',
  stopped: 'Dừng giải quyết',
  decided: 'Đã có quyết định giải quyết',
  result_issued: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
};

export const dossierStateColors: Record<DossierState, string> = {
  draft: 'default',
  submitted: 'blue',
  intake_supplement_requested: 'gold',
  refused: 'red',
  received: 'blue',
  in_progress: 'processing',
  supplement_requested: 'gold',
  stopped: 'volcano',
  decided: 'cyan',
  result_issued: 'purple',
  returned: 'green',
  withdrawn: 'default',
};

/** Lower case, as the server sends them; `capitalise` for buttons and headings. */
export const dossierActionLabels: Record<DossierActionType, string> = {
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

/** How a dossier came in or how its result goes out, in full (CHANNEL_LABELS). */
export const dossierChannelLabels: Record<DossierChannel, string> = {
  counter: 'trực tiếp tại Bộ phận Một cửa',
  online: 'trực tuyến',
  post: 'qua dịch vụ bưu chính công ích',
};

/** The same channels as short choices for forms. */
export const dossierChannelChoices: Record<DossierChannel, string> = {
  counter: 'Trực tiếp',
  post: 'Bưu chính',
  online: 'Trực tuyến',
};

export const urgencyLabels: Record<Urgency, string> = {
  within: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
};

export const urgencyColors: Record<Urgency, string> = {
  within: 'green',
  due_soon: 'orange',
  overdue: 'red',
};

export const stepTimingLabels: Record<StepTiming, string> = {
  early: 'Sớm hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn',
};

export const stepTimingColors: Record<StepTiming, string> = {
  early: 'green',
  on_time: 'blue',
  late: 'orange',
  overdue: 'red',
};

export const applicantKindLabels: Record<ApplicantKind, string> = {
  person: 'Cá nhân',
  organisation: 'Tổ chức',
};

export const dossierDocumentKindLabels: Record<DossierDocumentKind, string> = {
  submitted: 'Giấy tờ đã nộp',
  supplement: 'Giấy tờ bổ sung',
  result: 'Kết quả giải quyết',
};

export const dossierFormLabels: Record<DossierFormKind, string> = {
  receipt: 'Giấy tiếp nhận và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung',
  refusal: 'Phiếu từ chối',
  apology: 'Văn bản xin lỗi, hẹn lại',
  'stop-notice': 'Thông báo dừng',
  'control-sheet': 'Phiếu kiểm soát quá trình',
};

/** "Nộp hồ sơ" from "nộp hồ sơ": capitalised for the start of a UI label. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Looks a value up in a label table, falling back to the value itself. */
export function labelOf(table: Record<string, string>, value: string | null | undefined): string {
  if (value == null) return '';
  return table[value] ?? value;
}

/** `{ value, label }` options for antd Select from a label table. */
export function optionsOf<K extends string>(table: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(table) as K[]).map((value) => ({ value, label: table[value] }));
}
