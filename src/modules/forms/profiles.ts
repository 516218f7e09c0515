import type { FormKind, RuleProfile } from './forms.types.ts';

// What each rule profile prints: form numbers, titles and legal citations (rules.md §0, §1.1).
// Circular 01/2018 numbers six forms; Circular 03/2025 seven, with the stop notice inserted as 05.

const FORM_NUMBERS: Record<RuleProfile, Partial<Record<FormKind, string>>> = {
  'nd61-2018': {
    receipt: '01',
    'supplement-request': '02',
    refusal: '03',
    apology: '04',
    'control-sheet': '05',
    'tracking-book': '06',
  },
  'nd118-2025': {
    receipt: '01',
    'supplement-request': '02',
    refusal: '03',
    apology: '04',
    'stop-notice': '05',
    'control-sheet': '06',
    'tracking-book': '07',
  },
};

/** The form's number ("01"…"07") under a profile, or null when the profile has no such form. */
export function formNumber(profile: RuleProfile, kind: FormKind): string | null {
  return FORM_NUMBERS[profile][kind] ?? null;
}

export class FormNotInProfileError extends Error {
  constructor(
    readonly profile: RuleProfile,
    readonly kind: FormKind,
  ) {
    super(`The ${profile} rule profile has no "${kind}" form`);
    this.name = 'FormNotInProfileError';
  }
}

/** Like formNumber, but a form the profile lacks is an error (e.g. the stop notice under Decree 61/2018). */
export function requireFormNumber(profile: RuleProfile, kind: FormKind): string {
  const number = formNumber(profile, kind);
  if (number === null) throw new FormNotInProfileError(profile, kind);
  return number;
}

const TITLES: Record<FormKind, string> = {
  receipt: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  'supplement-request': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  refusal: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  apology: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  'stop-notice': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  'control-sheet': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  'tracking-book': 'SỔ THEO DÕI HỒ SƠ',
};

export function formTitle(profile: RuleProfile, kind: FormKind): string {
  if (profile === 'nd118-2025' && kind === 'apology') {
    return 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT';
  }
  return TITLES[kind];
}

/** The "issued with" line under the form number. The date of Circular 03/2025 is UNCONFIRMED, so omitted. */
export function legalBasisLine(profile: RuleProfile): string {
  return profile === 'nd61-2018'
    ? '(Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ)'
    : '(Ban hành kèm theo Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ)';
}

/** The decree that imposes the one-stop duties, with its title (cited in the apology). */
export function decreeCitation(profile: RuleProfile): string {
  return profile === 'nd61-2018'
    ? 'Nghị định số 61/2018/NĐ-CP của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính'
    : 'Nghị định số 118/2025/NĐ-CP của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia';
}

/** Circular 01/2018 art. 9(2): the book on A4, every other form on A5. */
export function paperSize(kind: FormKind): 'A4' | 'A5' {
  return kind === 'tracking-book' ? 'A4' : 'A5';
}
