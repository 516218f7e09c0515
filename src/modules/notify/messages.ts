// What the applicant is told after a dossier event: pure text building, no I/O.
import type { ActionType, Channel } from '../dossier/lifecycle/actions.ts';
import { formatDateTime } from '../forms/format.ts';

export const notificationKinds = [
  'received',
  'supplement_requested',
  'apologised',
  'stopped',
  'result_ready',
  'returned',
  'refused',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Reminders to officers about reform-plan tasks (built by modules/reform-plan, sent through this outbox). */
export const reminderKinds = ['task_due_soon', 'task_overdue', 'tasks_overdue_digest'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
/** Everything a user's inbox may hold. */
export const inboxKinds = [...notificationKinds, ...reminderKinds] as const;
export type InboxKind = (typeof inboxKinds)[number];

const kindOfAction: Partial<Record<ActionType, NotificationKind>> = {
  receive: 'received',
  request_intake_supplement: 'supplement_requested',
  request_supplement: 'supplement_requested',
  apologise: 'apologised',
  stop: 'stopped',
  issue_result: 'result_ready',
  return_result: 'returned',
  refuse: 'refused',
};

/** The notification an action sends the applicant, or null when it sends none (internal steps). */
export function notificationKindOf(action: string): NotificationKind | null {
  return kindOfAction[action as ActionType] ?? null;
}

/** Everything a message may mention; what a kind does not need may be null. */
export interface MessageFacts {
  kind: NotificationKind;
  /** Null before receipt (an intake supplement request or a refusal). */
  dossierCode: string | null;
  procedureName: string;
  receivingAgencyName: string;
  receivingAgencyAddress: string | null;
  /** The agency holding the dossier now. */
  handlingAgencyName: string | null;
  /** The officer who took the action. */
  officerName: string | null;
  /** How the dossier was submitted: online dossiers can be fetched online. */
  channel: Channel;
  receivedAt: Date | null;
  /** The due date in force (after an apology: the new one). */
  dueAt: Date | null;
  /** Apology: the due date it replaces. */
  previousDueAt: Date | null;
  returnedAt: Date | null;
  returnChannel: Channel | null;
  /** Supplement or refusal reasons, apology or stop reason. */
  reasons: string[];
  /** Stop: the legal basis cited. */
  legalBasis: string | null;
  /** The signed rating page (modules/ratings), for the kinds that invite a rating (see `invitesRating`). */
  ratingUrl?: string | null;
}

/** A returned result, or an electronic result ready online, is what the applicant is asked to rate. */
export function invitesRating(kind: NotificationKind, channel: Channel): boolean {
  return kind === 'returned' || (kind === 'result_ready' && channel === 'online');
}

function ratingInvitation(f: MessageFacts): string[] {
  return f.ratingUrl && invitesRating(f.kind, f.channel)
    ? [`Mời ông/bà đánh giá mức độ hài lòng đối với việc giải quyết hồ sơ: ${f.ratingUrl}`]
    : [];
}

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  smsText: string;
}

const at = (d: Date | null) => (d ? formatDateTime(d) : null);

function titleOf(f: MessageFacts): string {
  const code = f.dossierCode ? `Hồ sơ ${f.dossierCode}` : 'Hồ sơ của ông/bà';
  switch (f.kind) {
    case 'received':
      return `${code} đã được tiếp nhận`;
    case 'supplement_requested':
      return `${code} cần bổ sung, hoàn thiện`;
    case 'apologised':
      return `${code}: thư xin lỗi và hẹn lại ngày trả kết quả`;
    case 'stopped':
      return `${code} đã dừng giải quyết`;
    case 'result_ready':
      return `${code} đã có kết quả`;
    case 'returned':
      return `${code} đã trả kết quả`;
    case 'refused':
      return `${code} không được tiếp nhận`;
  }
}

function whereToCollect(f: MessageFacts): string {
  const desk = f.receivingAgencyAddress
    ? `${f.receivingAgencyName} (${f.receivingAgencyAddress})`
    : f.receivingAgencyName;
  if (f.channel === 'online') {
    return `Ông/bà xem và tải kết quả điện tử trong mục «Hồ sơ của tôi», hoặc nhận bản giấy tại ${desk}.`;
  }
  if (f.channel === 'post') {
    return `Kết quả sẽ được gửi qua dịch vụ bưu chính công ích; ông/bà cũng có thể nhận trực tiếp tại ${desk}.`;
  }
  return `Mời ông/bà mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả đến nhận kết quả tại ${desk}.`;
}

const returnChannelText: Record<Channel, string> = {
  counter: 'trực tiếp tại Bộ phận Một cửa',
  online: 'trực tuyến',
  post: 'qua dịch vụ bưu chính công ích',
};

/** The opening sentence(s) of the body: what happened and what the applicant has to do. */
function leadOf(f: MessageFacts): string[] {
  const reasons = f.reasons.map((r) => `- ${r}`);
  switch (f.kind) {
    case 'received':
      return ['Hồ sơ của ông/bà đã được tiếp nhận và đang được giải quyết.'];
    case 'supplement_requested':
      return [
        'Hồ sơ của ông/bà cần được bổ sung, hoàn thiện theo các nội dung sau:',
        ...reasons,
        `Đề nghị ông/bà bổ sung hồ sơ tại ${f.receivingAgencyName}.`,
      ];
    case 'apologised':
      return [
        'Cơ quan giải quyết xin lỗi ông/bà vì hồ sơ không trả kết quả đúng hẹn.',
        ...(f.reasons.length ? [`Lý do: ${f.reasons.join('; ')}`] : []),
        ...(f.previousDueAt ? [`Ngày hẹn cũ: ${at(f.previousDueAt)}.`] : []),
        ...(f.dueAt ? [`Ngày hẹn trả kết quả mới: ${at(f.dueAt)}.`] : []),
      ];
    case 'stopped':
      return [
        'Cơ quan có thẩm quyền đã dừng giải quyết hồ sơ của ông/bà.',
        ...(f.reasons.length ? [`Lý do: ${f.reasons.join('; ')}`] : []),
        ...(f.legalBasis ? [`Căn cứ: ${f.legalBasis}`] : []),
      ];
    case 'result_ready':
      return ['Hồ sơ của ông/bà đã có kết quả giải quyết.', whereToCollect(f)];
    case 'returned':
      return [
        `Kết quả giải quyết hồ sơ đã được trả ${returnChannelText[f.returnChannel ?? 'counter']}.`,
        'Cảm ơn ông/bà đã sử dụng dịch vụ.',
      ];
    case 'refused':
      return ['Hồ sơ của ông/bà không được tiếp nhận vì các lý do sau:', ...reasons];
  }
}

/** The facts every message repeats: procedure, code, agencies, officer and times. */
function detailsOf(f: MessageFacts): string[] {
  const lines = [`Thủ tục: ${f.procedureName}`];
  if (f.dossierCode) lines.push(`Mã hồ sơ: ${f.dossierCode}`);
  lines.push(`Cơ quan tiếp nhận: ${f.receivingAgencyName}`);
  if (f.handlingAgencyName) lines.push(`Cơ quan đang giải quyết: ${f.handlingAgencyName}`);
  if (f.officerName) lines.push(`Cán bộ xử lý: ${f.officerName}`);
  if (f.receivedAt) lines.push(`Thời điểm tiếp nhận: ${at(f.receivedAt)}`);
  if (f.dueAt && f.kind !== 'returned' && f.kind !== 'stopped') lines.push(`Hẹn trả kết quả: ${at(f.dueAt)}`);
  if (f.returnedAt) lines.push(`Thời điểm trả kết quả: ${at(f.returnedAt)}`);
  return lines;
}

export function buildMessage(f: MessageFacts): NotificationMessage {
  return {
    kind: f.kind,
    title: titleOf(f),
    body: [...leadOf(f), ...ratingInvitation(f), '', ...detailsOf(f)].join('\n'),
    smsText: smsTextOf(f),
  };
}

export const SMS_MAX_CHARS = 320;

/**
 * SMS goes without diacritics: Vietnamese marks force UCS-2 encoding (70 characters a segment instead of 160),
 * so 320 characters cost two segments instead of five, and many brandname gateways accept only unaccented text.
 */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** What GSM-7 lacks: typographic punctuation becomes ASCII, anything else left over is dropped. */
function asciiOnly(text: string): string {
  return text
    .replace(/[–—]/g, '-')
    .replace(/[«»“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[^\x20-\x7e]/g, '');
}

const shortAt = (d: Date | null) => (d ? formatDateTime(d).replace(' ngày ', ' ') : '');

function smsCore(f: MessageFacts, procedure: string): string {
  const code = f.dossierCode ? `Ho so ${f.dossierCode}` : 'Ho so';
  const what = `${code} (${procedure})`;
  const by = f.officerName ? `, can bo ${f.officerName}` : '';
  switch (f.kind) {
    case 'received':
      return `${what} da duoc tiep nhan luc ${shortAt(f.receivedAt)} tai ${f.receivingAgencyName}${by}. Hen tra ket qua: ${shortAt(f.dueAt)}.`;
    case 'supplement_requested':
      return `${what} can bo sung: ${f.reasons.join('; ')}. Lien he ${f.receivingAgencyName}${by}.`;
    case 'apologised':
      return `${what} tre hen, ${f.handlingAgencyName ?? f.receivingAgencyName} xin loi ong/ba. Hen tra moi: ${shortAt(f.dueAt)}${by}.`;
    case 'stopped':
      return `${what} da dung giai quyet. Ly do: ${f.reasons.join('; ')}${by}.`;
    case 'result_ready':
      return `${what} da co ket qua. Moi nhan tai ${f.receivingAgencyName}${by}.`;
    case 'returned':
      return `${what} da tra ket qua luc ${shortAt(f.returnedAt)} (${f.receivingAgencyName}).`;
    case 'refused':
      return `${what} khong duoc tiep nhan tai ${f.receivingAgencyName}. Ly do: ${f.reasons.join('; ')}${by}.`;
  }
}

function smsTextOf(f: MessageFacts): string {
  const full = asciiOnly(withoutDiacritics(`Motcua: ${smsCore(f, f.procedureName)}`));
  if (full.length <= SMS_MAX_CHARS) return full;
  // The procedure name is what can go: the code identifies the dossier.
  const shorter = asciiOnly(withoutDiacritics(`Motcua: ${smsCore(f, truncate(f.procedureName, 40))}`));
  return truncate(shorter, SMS_MAX_CHARS);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3).trimEnd()}...`;
}
