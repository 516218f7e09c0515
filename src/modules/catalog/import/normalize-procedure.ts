import { z } from 'zod';
import {
  type DocumentGroup,
  type OnlineMode,
  type ProcessStep,
  procedureLevels,
  type RequiredDocument,
  type SubmissionChannel,
  type TimeUnit,
} from '../procedure.types.ts';
import { cleanText, clip } from './clean-text.ts';
import { defaultInternalProcess, statutoryWorkingHours } from './default-internal-process.ts';
import { parseLegalRef } from './parse-legal-ref.ts';
import { parseQuantity } from './parse-quantity.ts';

export { defaultInternalProcess } from './default-internal-process.ts';

type ProcedureLevel = (typeof procedureLevels)[number];
type ChannelKind = SubmissionChannel['channel'];

export interface ProcedureFlagDraft {
  attribute: 'processing_time' | 'fee' | 'online_mode' | 'required_documents' | 'internal_process';
  rawValue: string | null;
  /** Vietnamese sentence shown to an administrator. */
  reason: string;
}

export interface NormalizedProcedure {
  code: string;
  name: string;
  field: string;
  levels: ProcedureLevel[];
  procedureType: string | null;
  subjects: string | null;
  implementingAgencyText: string | null;
  competentAgencyText: string | null;
  resultText: string | null;
  conditions: string | null;
  decisionNo: string | null;
  processingTimeValue: number | null;
  processingTimeUnit: TimeUnit | null;
  processingTimeText: string | null;
  channels: SubmissionChannel[];
  feeText: string | null;
  feeAmountVnd: number | null;
  requiredDocuments: DocumentGroup[];
  legalBasis: string[];
  onlineMode: OnlineMode;
  onlineLevel: number | null;
  internalProcess: ProcessStep[];
  sourceUrl: string | null;
  sourceNote: string;
  flags: ProcedureFlagDraft[];
}

// Vocabulary of the national catalog, keyed by cleaned lower-case text.
const LEVELS: Record<string, ProcedureLevel> = {
  'cấp bộ': 'ministry',
  'cấp tỉnh': 'province',
  'cấp huyện': 'district',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
};
const CHANNELS: Record<string, ChannelKind> = {
  'trực tiếp': 'counter',
  'trực tuyến': 'online',
  'dịch vụ bưu chính': 'post',
};
const UNITS: Record<string, TimeUnit> = {
  'ngày làm việc': 'working_days',
  ngày: 'calendar_days',
  giờ: 'hours',
  'giờ làm việc': 'working_hours',
};
const CHANNEL_LABELS: Record<ChannelKind, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Dịch vụ bưu chính',
};
const UNIT_LABELS: Record<TimeUnit, string> = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  hours: 'giờ',
  working_hours: 'giờ làm việc',
};

const lookup = <T>(table: Record<string, T>, raw: string | null | undefined): T | undefined => {
  const key = cleanText(raw)?.toLowerCase();
  return key === undefined ? undefined : table[key];
};

const mapLevel = (raw: string) => lookup(LEVELS, raw);
const mapChannel = (raw: string) => lookup(CHANNELS, raw);

const text = z.string().nullish();
const nonBlank = z.string().refine((s) => cleanText(s) !== null, { error: 'Không được để trống' });

const rawChannelSchema = z.looseObject({
  channel: z.string().refine((s) => mapChannel(s) !== undefined, { error: 'Hình thức nộp không xác định' }),
  processingTimeRaw: text,
  processingTime: z.number().nonnegative().nullish(),
  processingTimeUnit: text,
  feeRaw: text,
  feeAmountVnd: z.number().nullish(),
  feeCurrency: text,
  note: text,
});

const rawDocumentSchema = z.looseObject({ name: text, form: text, quantity: text });

/** One record of `seed-data/procedures.json` (see PROVENANCE.md §1); only the fields used are checked. */
export const rawProcedureSchema = z.looseObject({
  code: nonBlank.refine((s) => (cleanText(s) ?? '').length <= 30, { error: 'Mã thủ tục dài quá 30 ký tự' }),
  name: nonBlank,
  field: nonBlank,
  levels: z
    .array(z.string().refine((s) => mapLevel(s) !== undefined, { error: 'Cấp thực hiện không xác định' }))
    .min(1),
  decisionNo: text,
  procedureType: text,
  subjects: text,
  competentAgency: text,
  implementingAgency: text,
  result: text,
  conditions: text,
  submissionChannels: z.array(rawChannelSchema).default([]),
  channelsOffered: z.array(z.string()).nullish(),
  onlineSubmissionListed: z.boolean().nullish(),
  requiredDocuments: z
    .array(z.looseObject({ group: text, documents: z.array(rawDocumentSchema).default([]) }))
    .default([]),
  requiredDocumentsRaw: text,
  legalBasisRefs: z.array(z.string()).default([]),
  sourceUrl: text,
  source: z.looseObject({ repo: z.string(), path: text, commit: text }).nullish(),
});
export type RawProcedure = z.infer<typeof rawProcedureSchema>;
type RawChannel = RawProcedure['submissionChannels'][number];

// Old scheme of the plan's era: level 4 = full online, 3 = partial; nothing for offline-only.
const ONLINE_LEVELS: Record<OnlineMode, number | null> = { full: 4, partial: 3, none: null };

const DEFAULT_SOURCE = 'chatbot-tthc/chatbot_tthc@53229487';
const HDND = /hđnd|hội đồng nhân dân/i;
// Group headings the scraper emits when the table has none.
const PLACEHOLDER_GROUP = /^[-–—*:.\s]*$/;
// Name pieces the flattening scraper split off: a bare conjunction, a dangling "(", or a continuation that
// starts in lower case (but not a list marker such as "a)" or "b.").
const FRAGMENT = /^(hoặc|và)$|\($|^(?![a-zđ][).])\p{Ll}/u;

/** Validates one raw catalog record and maps it onto the procedure model, flagging doubtful values. */
export function normalizeProcedure(raw: unknown): NormalizedProcedure {
  const record = rawProcedureSchema.parse(raw);
  const flags: ProcedureFlagDraft[] = [];

  const channels = record.submissionChannels.map(normalizeChannel);
  // The statutory row: the counter row is what the one-stop desk applies; else whatever the portal lists.
  const counterIndex = channels.findIndex((c) => c.channel === 'counter');
  const mainIndex = counterIndex === -1 ? 0 : counterIndex;
  const main = channels[mainIndex] ?? null;
  const mainRaw = record.submissionChannels[mainIndex] ?? null;

  const time = statutoryTime(main, mainRaw, flags);
  flagDisagreement(
    channels,
    main,
    (c) => `${c.processingTimeValue}|${c.processingTimeUnit}`,
    (c) => c.processingTimeText ?? formatTime(c.processingTimeValue, c.processingTimeUnit),
    'processing_time',
    'thời hạn giải quyết',
    flags,
  );

  const fee = statutoryFee(record.submissionChannels, main, mainRaw, flags);
  flagDisagreement(
    channels,
    main,
    (c) => `${c.feeAmountVnd}|${c.feeText}`,
    (c) => c.feeText ?? 'không ghi',
    'fee',
    'phí, lệ phí',
    flags,
  );

  const onlineListed = record.onlineSubmissionListed ?? channels.some((c) => c.channel === 'online');
  const onlineMode: OnlineMode = onlineListed ? 'partial' : 'none';
  if (onlineListed) {
    const offered = (record.channelsOffered ?? record.submissionChannels.map((c) => c.channel))
      .map(cleanText)
      .filter((c): c is string => c !== null);
    flags.push({
      attribute: 'online_mode',
      rawValue: [...new Set(offered)].join(', ') || null,
      reason:
        'Cổng DVC quốc gia có liệt kê nộp trực tuyến; cần xác nhận toàn trình hay một phần theo danh mục của tỉnh.',
    });
  }

  if (statutoryWorkingHours(time.value, time.unit) === null) {
    flags.push({
      attribute: 'internal_process',
      rawValue: time.text,
      reason:
        'Chưa có thời hạn giải quyết dùng được nên quy trình nội bộ mặc định tạm tính 1 ngày làm việc (8 giờ làm việc); cần điều chỉnh sau khi xác nhận thời hạn.',
    });
  }

  const levels = [...new Set(record.levels.map(mapLevel))].filter(
    (l): l is ProcedureLevel => l !== undefined,
  );
  levels.sort((a, b) => procedureLevels.indexOf(a) - procedureLevels.indexOf(b));

  const source = record.source;
  const via = source
    ? `${source.repo}${source.commit ? `@${source.commit.slice(0, 8)}` : ''}`
    : DEFAULT_SOURCE;

  return {
    code: cleanText(record.code) ?? '',
    name: cleanText(record.name) ?? '',
    field: cleanText(record.field) ?? '',
    levels,
    procedureType: cleanText(record.procedureType),
    subjects: cleanText(record.subjects),
    implementingAgencyText: cleanText(record.implementingAgency),
    competentAgencyText: cleanText(record.competentAgency),
    resultText: cleanText(record.result),
    conditions: cleanText(record.conditions),
    decisionNo: clipOrNull(cleanText(record.decisionNo), 100),
    processingTimeValue: time.value,
    processingTimeUnit: time.unit,
    processingTimeText: time.text,
    channels,
    feeText: fee.text,
    feeAmountVnd: fee.amount,
    requiredDocuments: normalizeDocuments(record, flags),
    legalBasis: [...new Set(record.legalBasisRefs.map(parseLegalRef))].filter((r): r is string => r !== null),
    onlineMode,
    onlineLevel: ONLINE_LEVELS[onlineMode],
    internalProcess: defaultInternalProcess(time.value, time.unit),
    sourceUrl: cleanText(record.sourceUrl),
    sourceNote: `Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn), qua ${via}; xem seed-data/PROVENANCE.md`,
    flags,
  };
}

function clipOrNull(value: string | null, max: number): string | null {
  return value === null ? null : clip(value, max);
}

function normalizeChannel(raw: RawChannel): SubmissionChannel {
  const amount = raw.feeAmountVnd;
  const currency = cleanText(raw.feeCurrency)?.toUpperCase();
  const amountIsVnd = currency === undefined || currency === 'VND' || currency === 'VNĐ';
  return {
    channel: mapChannel(raw.channel) ?? 'counter', // the schema already rejected unknown channels
    processingTimeValue: raw.processingTime ?? null,
    // An unrecognised unit stays unknown (null) rather than being guessed; statutoryTime flags it.
    processingTimeUnit: lookup(UNITS, raw.processingTimeUnit) ?? null,
    processingTimeText: clipOrNull(cleanText(raw.processingTimeRaw), 500),
    feeAmountVnd:
      amountIsVnd && amount !== null && amount !== undefined && Number.isInteger(amount) && amount >= 0
        ? amount
        : null,
    feeText: clipOrNull(cleanText(raw.feeRaw), 2000),
    note: clipOrNull(cleanText(raw.note), 5000),
  };
}

function formatTime(value: number | null, unit: TimeUnit | null): string {
  if (value === null) return 'không ghi';
  return unit === null ? `${value} (không đơn vị)` : `${value} ${UNIT_LABELS[unit]}`;
}

interface StatutoryTime {
  value: number | null;
  unit: TimeUnit | null;
  text: string | null;
}

function statutoryTime(
  main: SubmissionChannel | null,
  mainRaw: RawChannel | null,
  flags: ProcedureFlagDraft[],
): StatutoryTime {
  const flag = (rawValue: string | null, reason: string) =>
    flags.push({ attribute: 'processing_time', rawValue, reason });
  if (!main) {
    flag(
      null,
      'Nguồn không có bảng “Cách thức thực hiện” nên không có thời hạn giải quyết; cần nhập thời hạn.',
    );
    return { value: null, unit: null, text: null };
  }
  const text = main.processingTimeText;
  const value = main.processingTimeValue;
  if (value === null) {
    flag(
      text,
      `Nguồn không ghi thời hạn giải quyết (“${text ?? ''}”); cần nhập thời hạn và đơn vị theo văn bản quy định.`,
    );
    return { value: null, unit: null, text };
  }
  if (value === 0) {
    // Zero is no deadline at all (1.115148 leaves the procedure to the province): keep it unknown.
    flag(
      text,
      `Nguồn ghi thời hạn bằng 0 (“${text ?? '0'}”), không dùng được để tính hạn xử lý; cần nhập thời hạn theo văn bản quy định.`,
    );
    return { value: null, unit: null, text };
  }
  const unit = main.processingTimeUnit;
  const rawUnit = cleanText(mainRaw?.processingTimeUnit);
  const assumption = `Quy trình nội bộ mặc định tạm tính ${value} ngày làm việc.`;
  if (unit === null && rawUnit !== null) {
    flag(
      text,
      `Nguồn ghi đơn vị “${rawUnit}” không nhận diện được; cần xác nhận là ngày làm việc, ngày hay giờ. ${assumption}`,
    );
  } else if (unit === null) {
    flag(
      text,
      `Nguồn chỉ ghi số ${value}, không ghi đơn vị; cần xác nhận là ngày làm việc, ngày hay giờ. ${assumption}`,
    );
  } else if (unit === 'calendar_days') {
    flag(
      text,
      `Nguồn ghi “${text ?? `${value} Ngày`}” (ngày, không nói ngày làm việc); danh mục có thể có ý là ngày làm việc, cần xác nhận. ${assumption}`,
    );
  }
  return { value, unit, text };
}

interface StatutoryFee {
  amount: number | null;
  text: string | null;
}

function statutoryFee(
  rawChannels: RawChannel[],
  main: SubmissionChannel | null,
  mainRaw: RawChannel | null,
  flags: ProcedureFlagDraft[],
): StatutoryFee {
  const flag = (rawValue: string | null, reason: string) =>
    flags.push({ attribute: 'fee', rawValue, reason });
  const text = main?.feeText ?? null;
  const amount = main?.feeAmountVnd ?? null;

  // The portal shows a reference amount; the People's Council of the province sets the real one.
  const hdndText = rawChannels
    .flatMap((c) => [cleanText(c.feeRaw), cleanText(c.note)])
    .find((t): t is string => t !== null && HDND.test(t));
  if (hdndText) {
    flag(
      hdndText,
      `Mức phí, lệ phí do HĐND cấp tỉnh quyết định; số tiền trên Cổng DVC quốc gia (“${text ?? 'không ghi'}”) chỉ để tham khảo, cần nhập mức thu theo nghị quyết của HĐND thành phố.`,
    );
  }

  // With an HĐND note the amount has to be entered from the council's resolution anyway: one flag is enough.
  if (amount === null && !hdndText) {
    const currency = cleanText(mainRaw?.feeCurrency)?.toUpperCase();
    if (!main) {
      flag(
        null,
        'Nguồn không có thông tin phí, lệ phí; cần xác nhận thủ tục miễn phí hay có thu và mức thu.',
      );
    } else if (text === null || /không có thông tin/i.test(text)) {
      flag(
        text,
        `Nguồn ghi “${text ?? ''}” về phí, lệ phí; cần xác nhận thủ tục miễn phí hay có thu và mức thu.`,
      );
    } else if (currency !== undefined && currency !== 'VND' && currency !== 'VNĐ') {
      flag(text, `Phí, lệ phí ghi bằng ngoại tệ (“${text}”); cần xác nhận mức thu bằng đồng.`);
    } else {
      flag(text, `Không đọc được số tiền từ “${text}”; cần nhập mức thu bằng đồng.`);
    }
  }
  return { amount, text };
}

/** Flags rows of the "Cách thức thực hiện" table that disagree, listing each distinct value once. */
function flagDisagreement(
  channels: SubmissionChannel[],
  main: SubmissionChannel | null,
  key: (c: SubmissionChannel) => string,
  label: (c: SubmissionChannel) => string,
  attribute: ProcedureFlagDraft['attribute'],
  what: string,
  flags: ProcedureFlagDraft[],
): void {
  const distinct = new Map<string, { label: string; channels: Set<string> }>();
  for (const c of channels) {
    const entry = distinct.get(key(c)) ?? { label: label(c), channels: new Set<string>() };
    entry.channels.add(CHANNEL_LABELS[c.channel]);
    distinct.set(key(c), entry);
  }
  if (distinct.size < 2 || !main) return;
  const list = [...distinct.values()].map((e) => `${e.label} (${[...e.channels].join(', ')})`).join('; ');
  flags.push({
    attribute,
    rawValue: [...distinct.values()].map((e) => e.label).join(' | '),
    reason: `Các dòng của bảng “Cách thức thực hiện” ghi ${what} khác nhau: ${list}. Đã lấy giá trị của dòng ${CHANNEL_LABELS[main.channel]} (“${label(main)}”); cần xác nhận.`,
  });
}

const MAX_NAME = 3000;
const MAX_DOCUMENTS = 200;

function normalizeDocuments(record: RawProcedure, flags: ProcedureFlagDraft[]): DocumentGroup[] {
  const badQuantities: string[] = [];
  const fragments: string[] = [];
  const clipped: string[] = [];
  let dropped = 0;

  const groups: DocumentGroup[] = [];
  for (const rawGroup of record.requiredDocuments) {
    const heading = cleanText(rawGroup.group);
    const documents: RequiredDocument[] = [];
    for (const rawDoc of rawGroup.documents) {
      const name = cleanText(rawDoc.name);
      if (name === null) continue;
      const quantity = parseQuantity(rawDoc.quantity);
      if (!quantity) badQuantities.push(cleanText(rawDoc.quantity) ?? '(trống)');
      if (FRAGMENT.test(name)) fragments.push(name);
      if (name.length > MAX_NAME) clipped.push(name);
      const form = cleanText(rawDoc.form);
      const formUrl = form !== null && isHttpUrl(form) ? form : null;
      documents.push({
        name: clip(name, MAX_NAME),
        originals: quantity?.originals ?? 0,
        copies: quantity?.copies ?? 0,
        formName: clipOrNull(formUrl ? fileNameOf(formUrl) : form, 500),
        formUrl: formUrl && formUrl.length <= 2000 ? formUrl : null,
      });
    }
    if (documents.length > MAX_DOCUMENTS) dropped += documents.length - MAX_DOCUMENTS;
    const group = heading === null || PLACEHOLDER_GROUP.test(heading) ? null : clip(heading, 2000);
    if (documents.length > 0 || group !== null) {
      groups.push({ group, documents: documents.slice(0, MAX_DOCUMENTS) });
    }
  }

  const flag = (rawValue: string | null, reason: string) =>
    flags.push({ attribute: 'required_documents', rawValue, reason });
  const check = 'cần đối chiếu với thành phần hồ sơ gốc trên Cổng DVC quốc gia.';
  const rawText = cleanText(record.requiredDocumentsRaw);
  if (groups.every((g) => g.documents.length === 0) && rawText !== null) {
    flag(rawText, 'Không tách được danh sách giấy tờ từ thành phần hồ sơ gốc; cần nhập tay.');
  }
  if (badQuantities.length > 0) {
    const distinct = [...new Set(badQuantities)];
    flag(
      distinct.join(' | '),
      `Không đọc được số lượng của ${badQuantities.length} giấy tờ (ví dụ “${distinct[0]}”), đã tạm để 0 bản chính, 0 bản sao; ${check}`,
    );
  }
  if (fragments.length > 0) {
    const distinct = [...new Set(fragments)];
    flag(
      distinct.slice(0, 5).join(' | '),
      `${fragments.length} dòng giấy tờ có vẻ bị cắt hoặc ghép sai khi trích xuất (ví dụ “${clip(distinct[0] ?? '', 80)}”); ${check}`,
    );
  }
  if (clipped.length > 0) {
    flag(
      clip(clipped[0] ?? '', 2000),
      `${clipped.length} tên giấy tờ dài quá ${MAX_NAME} ký tự nên đã bị cắt bớt (thường là ghi chú bị ghép vào); ${check}`,
    );
  }
  if (dropped > 0) {
    flag(null, `Có nhóm quá ${MAX_DOCUMENTS} giấy tờ, đã bỏ ${dropped} dòng cuối; ${check}`);
  }
  return groups;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The template's file name from its URL, for display. */
function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return cleanText(decodeURIComponent(last)) ?? url;
  } catch {
    return last || url;
  }
}
