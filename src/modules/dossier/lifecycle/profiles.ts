// Rule profiles: the one-stop rule sets as effective-dated data (domain README decision 1, rules.md §0).
// A dossier is pinned to the profile in force on its receipt day and keeps it for life.
import { type ActionType, actionTypes } from './actions.ts';
import { type DossierState, dossierStates } from './states.ts';
import { vnDate } from './time.ts';

export const ruleProfileIds = ['nd61-2018', 'nd118-2025'] as const;
export type RuleProfileId = (typeof ruleProfileIds)[number];

export type FormKind =
  | 'receipt'
  | 'supplement_request'
  | 'refusal'
  | 'apology'
  | 'stop_notice'
  | 'control_sheet'
  | 'tracking_book';

export interface FormRef {
  kind: FormKind;
  /** "Mẫu" number in the profile's circular; the numbering differs between profiles. */
  number: string;
  name: string;
}

export interface RuleProfile {
  id: RuleProfileId;
  name: string;
  legalBasis: readonly string[];
  /** Receipt days (Vietnam local, 'YYYY-MM-DD', inclusive) the profile applies to. */
  validFrom: string;
  validTo: string | null;
  states: readonly DossierState[];
  actions: readonly ActionType[];
  forms: Readonly<Partial<Record<FormKind, FormRef>>>;
}

const COMMON_FORMS = {
  receipt: { kind: 'receipt', number: '01', name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
  supplement_request: {
    kind: 'supplement_request',
    number: '02',
    name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  },
  refusal: { kind: 'refusal', number: '03', name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
} as const satisfies Partial<Record<FormKind, FormRef>>;

export const ND61_2018: RuleProfile = {
  id: 'nd61-2018',
  name: 'Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP',
  legalBasis: ['Nghị định 61/2018/NĐ-CP', 'Nghị định 107/2021/NĐ-CP', 'Thông tư 01/2018/TT-VPCP'],
  // 21/6/2018 is the decree's own effective date (not in the shared sources); the end is the brief's cut-over.
  validFrom: '2018-06-21',
  validTo: '2025-06-30',
  states: dossierStates.filter((s) => s !== 'stopped'),
  actions: actionTypes.filter((a) => a !== 'stop'),
  forms: {
    ...COMMON_FORMS,
    apology: { kind: 'apology', number: '04', name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
    control_sheet: {
      kind: 'control_sheet',
      number: '05',
      name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    },
    tracking_book: { kind: 'tracking_book', number: '06', name: 'Sổ theo dõi hồ sơ' },
  },
};

export const ND118_2025: RuleProfile = {
  id: 'nd118-2025',
  name: 'Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP',
  legalBasis: [
    'Nghị định 118/2025/NĐ-CP',
    'Nghị định 367/2025/NĐ-CP',
    'Nghị định 309/2026/NĐ-CP',
    'Thông tư 03/2025/TT-VPCP',
  ],
  // UNCONFIRMED (rules.md §0): "probably 1/7/2025". The form list below is from a secondary source.
  validFrom: '2025-07-01',
  validTo: null,
  states: dossierStates,
  actions: actionTypes,
  forms: {
    ...COMMON_FORMS,
    apology: {
      kind: 'apology',
      number: '04',
      name: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
    },
    stop_notice: { kind: 'stop_notice', number: '05', name: 'Thông báo dừng giải quyết hồ sơ' },
    control_sheet: {
      kind: 'control_sheet',
      number: '06',
      name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    },
    tracking_book: { kind: 'tracking_book', number: '07', name: 'Sổ theo dõi hồ sơ' },
  },
};

export const RULE_PROFILES: readonly RuleProfile[] = [ND61_2018, ND118_2025];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The profile in force on a Vietnam-local date 'YYYY-MM-DD'; RangeError when none applies. */
export function ruleProfileOn(
  isoDate: string,
  profiles: readonly RuleProfile[] = RULE_PROFILES,
): RuleProfile {
  if (!ISO_DATE.test(isoDate)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  // ISO dates compare correctly as strings.
  const found = profiles.find((p) => p.validFrom <= isoDate && (p.validTo === null || isoDate <= p.validTo));
  if (!found) throw new RangeError(`No one-stop rule profile applies on ${isoDate}`);
  return found;
}

/** The profile in force at an instant (its Vietnam-local date). */
export function ruleProfileAt(at: Date, profiles: readonly RuleProfile[] = RULE_PROFILES): RuleProfile {
  return ruleProfileOn(vnDate(at), profiles);
}

export function getRuleProfile(id: RuleProfileId): RuleProfile {
  return id === 'nd61-2018' ? ND61_2018 : ND118_2025;
}
