// What the simulated officers write: reasons, comments and notes, in the desk's usual wording.
import type { Rng } from './history-random.ts';

/** Field groups of the catalog, for wording and for which specialist handles a dossier. */
export type FieldGroup = 'civil' | 'land' | 'residence' | 'business' | 'social';

const LAND_FIELDS = new Set([
  'Đất đai',
  'Tài chính đất đai',
  'Tài nguyên nước',
  'Môi trường',
  'Hoạt động xây dựng',
  'Quy hoạch đô thị và nông thôn',
  'Nhà ở và công sở',
  'Hạ tầng kỹ thuật',
  'Quản lý chất lượng công trình xây dựng',
  'Thủy lợi',
  'Quản lý Đê điều và Phòng, chống thiên tai',
]);
const CIVIL_FIELDS = new Set([
  'Hộ tịch',
  'Chứng thực',
  'Nuôi con nuôi',
  'Hòa giải ở cơ sở',
  'Bồi thường nhà nước',
]);
const RESIDENCE_FIELDS = new Set(['Đăng ký, quản lý cư trú', 'Cấp, quản lý căn cước']);

export function fieldGroupOf(field: string): FieldGroup {
  if (CIVIL_FIELDS.has(field)) return 'civil';
  if (LAND_FIELDS.has(field)) return 'land';
  if (RESIDENCE_FIELDS.has(field)) return 'residence';
  if (/kinh doanh|hợp tác|Nông nghiệp|Chăn nuôi|Trồng trọt|Lâm nghiệp|Thú y/i.test(field)) return 'business';
  return 'social';
}

const SUPPLEMENT: Record<FieldGroup, readonly string[]> = {
  civil: [
    'Bổ sung bản sao giấy tờ tùy thân của người yêu cầu (CCCD còn hiệu lực).',
    'Bổ sung giấy chứng sinh bản chính.',
    'Tờ khai ghi chưa đúng thông tin nơi cư trú; đề nghị khai lại theo mẫu.',
    'Bổ sung văn bản ủy quyền có chứng thực của người được ủy quyền nộp hồ sơ.',
  ],
  land: [
    'Bổ sung bản vẽ hiện trạng thửa đất có xác nhận của đơn vị đo đạc.',
    'Bổ sung giấy tờ về quyền sử dụng đất (bản sao có chứng thực).',
    'Sơ đồ vị trí chưa thể hiện đúng ranh giới tiếp giáp; đề nghị điều chỉnh.',
    'Bổ sung văn bản thỏa thuận của các đồng sở hữu.',
  ],
  residence: [
    'Bổ sung giấy tờ chứng minh chỗ ở hợp pháp.',
    'Bổ sung ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở.',
    'Tờ khai thay đổi thông tin cư trú chưa có chữ ký của chủ hộ.',
  ],
  business: [
    'Bổ sung bản sao hợp đồng thuê địa điểm kinh doanh.',
    'Giấy đề nghị ghi chưa đúng ngành, nghề kinh doanh theo hệ thống ngành kinh tế; đề nghị sửa lại.',
    'Bổ sung biên bản họp thành viên về việc đăng ký.',
  ],
  social: [
    'Bổ sung giấy xác nhận của trưởng khu vực, trưởng ấp.',
    'Bổ sung bản sao sổ hộ khẩu điện tử hoặc giấy xác nhận thông tin cư trú.',
    'Đơn đề nghị chưa ghi đầy đủ thông tin nhân khẩu trong hộ.',
  ],
};

export function supplementReasons(rng: Rng, group: FieldGroup): string[] {
  return [rng.pick(SUPPLEMENT[group])];
}

const INTAKE_REFUSAL = [
  'Yêu cầu không thuộc thẩm quyền giải quyết của cơ quan; đã hướng dẫn người nộp đến cơ quan có thẩm quyền.',
  'Người yêu cầu không đủ điều kiện thực hiện thủ tục theo quy định.',
  'Hồ sơ đã được nộp và đang giải quyết tại cơ quan khác.',
];
const NO_SHOW_REFUSAL =
  'Quá thời hạn bổ sung, hoàn thiện hồ sơ theo Phiếu yêu cầu nhưng người nộp không bổ sung.';

export function intakeRefusal(rng: Rng, afterSupplement: boolean): string[] {
  return [afterSupplement ? NO_SHOW_REFUSAL : rng.pick(INTAKE_REFUSAL)];
}

const REJECTIONS: Record<FieldGroup, string> = {
  civil: 'Qua xác minh, thông tin đề nghị đăng ký không có cơ sở; không đủ điều kiện giải quyết.',
  land: 'Thửa đất đang có tranh chấp, chưa đủ điều kiện giải quyết theo quy định của pháp luật đất đai.',
  residence: 'Chỗ ở đề nghị đăng ký không đáp ứng điều kiện theo Luật Cư trú.',
  business: 'Tên hộ kinh doanh trùng với tên đã đăng ký trong phạm vi cấp huyện.',
  social: 'Hộ gia đình không đủ tiêu chí theo kết quả rà soát, bình xét.',
};

export const rejectionReasons = (group: FieldGroup): string[] => [REJECTIONS[group]];

export const WITHDRAWAL_REASONS = [
  'Người nộp có đơn xin rút hồ sơ để điều chỉnh nội dung đề nghị.',
  'Người nộp đề nghị rút hồ sơ do thay đổi nhu cầu.',
  'Người nộp không bổ sung được giấy tờ theo yêu cầu, có đơn xin rút hồ sơ.',
];

export const STOP_REASONS = [
  'Quá thời hạn bổ sung hồ sơ theo yêu cầu mà người nộp không bổ sung.',
  'Phát hiện giấy tờ trong hồ sơ có dấu hiệu giả mạo, chuyển cơ quan chức năng xác minh.',
  'Có văn bản đề nghị tạm dừng của cơ quan tiến hành tố tụng liên quan đến đối tượng giải quyết.',
];

export const APOLOGY_REASONS = [
  'Hồ sơ cần xác minh thêm tại thực địa nên chưa giải quyết kịp thời hạn.',
  'Cơ quan phối hợp chưa có văn bản trả lời đúng hạn.',
  'Cán bộ thụ lý được điều động công tác đột xuất; hồ sơ chậm so với thời hạn.',
  'Hệ thống cơ sở dữ liệu chuyên ngành gián đoạn, chưa cập nhật được thông tin.',
];

export const STEP_COMMENTS: Record<string, readonly string[]> = {
  desk_officer: ['Đã kiểm tra thành phần hồ sơ, chuyển bộ phận chuyên môn.', 'Chuyển xử lý.'],
  specialist: ['Hồ sơ đủ điều kiện, đề xuất giải quyết.', 'Đã thẩm định, dự thảo kết quả trình lãnh đạo.'],
  head_of_office: ['Thống nhất nội dung, trình lãnh đạo ký.', 'Đã xem xét, trình ký.'],
  signing_leader: ['Đồng ý.'],
  clerk: ['Đã vào sổ, đóng dấu.'],
};

export const INTERLINKED_COMMENT = 'Đã thẩm tra, có văn bản ý kiến gửi lại UBND để giải quyết.';

export const SUPPLY_NOTES = [
  'Người nộp đã bổ sung đầy đủ giấy tờ theo Phiếu yêu cầu.',
  'Đã bổ sung theo hướng dẫn.',
];
