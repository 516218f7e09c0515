import type {
  ApologyInput,
  ControlSheetInput,
  FormHeader,
  Handover,
  ReceiptInput,
  RefusalInput,
  RuleProfile,
  StopNoticeInput,
  SupplementRequestInput,
  TrackingBookInput,
  TrackingRow,
} from './forms.types.ts';

// Realistic sample inputs (phường Vị Thanh, a birth registration) for the tests and the visual check.

const HEADERS: Record<RuleProfile, Omit<FormHeader, 'nationalName' | 'motto'>> = {
  'nd61-2018': { parentAgency: 'UBND thành phố Vị Thanh', agency: 'UBND Phường I', place: 'Vị Thanh' },
  'nd118-2025': {
    parentAgency: 'UBND phường Vị Thanh',
    agency: 'Trung tâm Phục vụ hành chính công',
    place: 'Vị Thanh',
  },
};

const applicant = {
  name: 'Nguyễn Thị Hoa',
  address: 'Số 12, đường Trần Hưng Đạo, khu vực 3, phường Vị Thanh, thành phố Cần Thơ',
  phone: '0912 345 678',
  email: 'hoa.nguyen@example.vn',
  citizenId: '093190001234',
};

const procedure = { name: 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con', code: '1.000689' };

export const DOSSIER_CODE = '000.17.22.H56-210531-0001';
export const LOOKUP_URL = `https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=${DOSSIER_CODE}`;

const officer = { name: 'Trần Văn Bình', title: 'Công chức Tư pháp - Hộ tịch' };
const receivedAt = '2026-11-25T08:05:00+07:00';
const appointmentAt = '2026-11-27T16:30:00+07:00';

const base = (profile: RuleProfile) => ({
  ruleProfile: profile,
  header: HEADERS[profile],
  issuedAt: receivedAt,
});

export function receiptFixture(profile: RuleProfile): ReceiptInput {
  return {
    ...base(profile),
    documentNumber: '1258/TNHS',
    dossierCode: DOSSIER_CODE,
    lookupUrl: LOOKUP_URL,
    applicant,
    procedure,
    documents: [
      { name: 'Tờ khai đăng ký khai sinh, đăng ký nhận cha, mẹ, con', originals: 1 },
      { name: 'Giấy chứng sinh', originals: 1 },
      { name: 'Văn bản, chứng cứ chứng minh quan hệ cha, mẹ, con', originals: 1, copies: 1 },
      { name: 'Căn cước công dân của người yêu cầu', certifiedCopies: 1 },
    ],
    setCount: 1,
    processingTime: { amount: 3, unit: 'working_days' },
    receivedAt,
    appointmentAt,
    resultChannel: 'counter',
    resultChannelNote: 'số 3 đường Trần Hưng Đạo, phường Vị Thanh',
    fee: { amountVnd: 0, note: 'Miễn lệ phí' },
    bookEntry: { bookNumber: '01/2026', sequence: 1258 },
    officer,
    hotline: '0293 3 878 878',
  };
}

export function supplementFixture(profile: RuleProfile): SupplementRequestInput {
  return {
    ...base(profile),
    documentNumber: '85/YCBS',
    dossierCode: DOSSIER_CODE,
    applicant,
    procedure,
    stage: 'intake',
    items: [
      {
        name: 'Văn bản, chứng cứ chứng minh quan hệ cha, mẹ, con',
        originals: 1,
        requirement: 'Bổ sung văn bản giám định ADN do tổ chức có thẩm quyền cấp',
      },
      { name: 'Giấy chứng sinh', originals: 1, requirement: 'Ghi đúng họ, chữ đệm, tên của người mẹ' },
    ],
    reason: 'Hồ sơ chưa có văn bản chứng minh quan hệ cha, con theo quy định của Luật Hộ tịch.',
    guidanceSource: 'Cổng Dịch vụ công quốc gia, mục thủ tục 1.000689',
    contact: { name: 'Trần Văn Bình', phone: '0293 3 876 543' },
    officer,
  };
}

export function refusalFixture(profile: RuleProfile): RefusalInput {
  return {
    ...base(profile),
    documentNumber: '12/TCHS',
    applicant,
    procedure,
    reasons: [
      'Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã.',
      'Người yêu cầu không cung cấp được giấy tờ tùy thân theo quy định.',
    ],
    guidance: 'Đề nghị ông/bà liên hệ Sở Tư pháp thành phố Cần Thơ để được hướng dẫn.',
    officer,
  };
}

export function apologyFixture(profile: RuleProfile): ApologyInput {
  return {
    ...base(profile),
    issuedAt: '2026-11-26T09:00:00+07:00',
    documentNumber: '07/XL-UBND',
    dossierCode: DOSSIER_CODE,
    lookupUrl: LOOKUP_URL,
    applicant,
    procedure,
    receivedAt,
    originalAppointmentAt: appointmentAt,
    newAppointmentAt: '2026-12-02T16:30:00+07:00',
    reason: 'Cần xác minh thông tin khai sinh của người mẹ tại nơi cư trú trước đây.',
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Lê Minh Tuấn' },
  };
}

export function stopNoticeFixture(profile: RuleProfile): StopNoticeInput {
  return {
    ...base(profile),
    issuedAt: '2026-11-26T14:00:00+07:00',
    documentNumber: '03/TB-UBND',
    dossierCode: DOSSIER_CODE,
    lookupUrl: LOOKUP_URL,
    applicant,
    procedure,
    receivedAt,
    reasons: ['Người yêu cầu có văn bản đề nghị rút hồ sơ ngày 26/11/2026.'],
    legalGround: 'Theo đề nghị của người yêu cầu thực hiện thủ tục hành chính.',
    guidance: 'Ông/bà có thể nộp lại hồ sơ khi có nhu cầu.',
    signer: { authority: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Phạm Thị Lan' },
  };
}

const STEPS = ['Tiếp nhận, chuyển hồ sơ', 'Thẩm định hồ sơ', 'Trình ký', 'Ký duyệt', 'Trả kết quả'];
const RESULTS = ['early', 'on-time', 'late'] as const;

/** `count` hand-overs, one every 30 minutes from the receipt. */
export function handovers(count: number): Handover[] {
  const start = Date.parse(receivedAt);
  return Array.from({ length: count }, (_, i) => ({
    stepName: STEPS[i % STEPS.length] ?? 'Xử lý',
    from: { agency: i === 0 ? 'Bộ phận Một cửa' : 'Phòng Văn hóa - Xã hội', person: 'Trần Văn Bình' },
    to: { agency: 'Phòng Văn hóa - Xã hội', person: 'Võ Thị Ngọc Hân' },
    at: new Date(start + i * 30 * 60_000),
    stepDeadline: new Date(start + (i + 1) * 30 * 60_000),
    result: RESULTS[i % 3],
  }));
}

export function controlSheetFixture(profile: RuleProfile, steps = 5): ControlSheetInput {
  return {
    ...base(profile),
    dossierCode: DOSSIER_CODE,
    lookupUrl: LOOKUP_URL,
    receiptNumber: '1258/TNHS',
    applicant,
    procedure,
    receivedAt,
    appointmentAt,
    leadAgency: 'Phòng Văn hóa - Xã hội phường Vị Thanh',
    handovers: handovers(steps),
  };
}

const NAMES = ['Nguyễn Thị Hoa', 'Trần Quốc Việt', 'Lê Thị Ánh Tuyết', 'Phạm Đức Thắng', 'Huỳnh Ngọc Ẩn'];

export function trackingRows(count: number): TrackingRow[] {
  const start = Date.parse(receivedAt);
  return Array.from({ length: count }, (_, i) => ({
    sequence: 1258 + i,
    dossierCode: `000.17.22.H56-261125-${String(i + 1).padStart(4, '0')}`,
    procedureName: procedure.name,
    setCount: 1,
    applicantName: NAMES[i % NAMES.length] ?? 'Nguyễn Văn A',
    applicantAddress: 'Khu vực 3, phường Vị Thanh',
    applicantPhone: '0912 345 678',
    leadAgency: 'Phòng Văn hóa - Xã hội',
    receivedAt: new Date(start + i * 10 * 60_000),
    appointmentAt: new Date(Date.parse(appointmentAt) + i * 10 * 60_000),
    transferredAt: new Date(start + i * 10 * 60_000 + 3_600_000),
    ...(i % 2 === 0 ? { returnedAt: new Date(Date.parse(appointmentAt) - 3_600_000) } : {}),
    resultChannel: i % 3 === 0 ? 'post' : 'counter',
  }));
}

export function trackingBookFixture(profile: RuleProfile, rows = 6): TrackingBookInput {
  return {
    ruleProfile: profile,
    header: HEADERS[profile],
    generatedAt: '2026-11-30T17:00:00+07:00',
    desk: 'Bộ phận Một cửa phường Vị Thanh',
    period: { from: '2026-11-01T00:00:00+07:00', to: '2026-11-30T23:59:59+07:00' },
    bookNumber: '01/2026',
    rows: trackingRows(rows),
  };
}
