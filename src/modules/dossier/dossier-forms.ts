import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import type { Role } from '../auth/schema.ts';
import {
  type ApologyInput,
  apologyPdf,
  type ControlSheetInput,
  controlSheetPdf,
  formatDateTime,
  formTitle,
  type Handover,
  type ReceiptInput,
  type RefusalInput,
  receiptPdf,
  refusalPdf,
  type StopNoticeInput,
  type SupplementRequestInput,
  stopNoticePdf,
  supplementRequestPdf,
} from '../forms/index.ts';
import { type AgencyInfo, type FormContext, loadFormContext } from './dossier-forms-context.ts';
import { ROLE_LABELS } from './lifecycle/labels.ts';
import type { DossierStep, StatutoryTime } from './lifecycle/snapshot.ts';

// A stored dossier mapped to the inputs of its statutory forms (src/modules/forms). Each builder returns null
// when the dossier has no such form yet; the caller answers 404.

export const dossierFormKinds = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'control-sheet',
] as const;
export type DossierFormKind = (typeof dossierFormKinds)[number];

/** Trimmed and cut to the form's limit; undefined when empty (the forms reject blank texts). */
function clip(value: string | null | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text ? text.slice(0, max) : undefined;
}

const at = (instant: string) => new Date(instant);
const upper = (text: string) => text.toLocaleUpperCase('vi');

function agencyOf(c: FormContext, id: string): AgencyInfo {
  const agency = c.agencies.get(id);
  if (!agency) throw new Error(`agency ${id} of dossier ${c.row.id} is missing`);
  return agency;
}

const nameOf = (c: FormContext, userId: string | null | undefined) =>
  userId ? c.userNames.get(userId) : undefined;

/** The issuing agency under its governing body, upper-cased as on real forms, and its place. */
function base(c: FormContext, issuingAgencyId: string) {
  const agency = agencyOf(c, issuingAgencyId);
  return {
    ruleProfile: c.row.snapshot.ruleProfile,
    header: {
      agency: agency.name,
      parentAgency: agency.parentName ? upper(agency.parentName) : undefined,
      place: agency.place,
    },
  };
}

const PHONE = /^\+?[0-9 .()-]{6,20}$/;

function applicant(c: FormContext) {
  const { row } = c;
  return {
    name: clip(row.applicantName, 200) ?? 'Người nộp hồ sơ',
    address: clip(row.applicantAddress, 500),
    phone: row.applicantPhone && PHONE.test(row.applicantPhone) ? row.applicantPhone : undefined,
    email: row.applicantEmail ?? undefined,
    citizenId:
      row.applicantCitizenId && /^\d{12}$/.test(row.applicantCitizenId) ? row.applicantCitizenId : undefined,
  };
}

const procedure = (c: FormContext) => ({
  name: clip(c.row.procedureName, 1000) ?? c.row.procedureCode,
  code: clip(c.row.procedureCode, 50),
});

/** The time printed on the receipt; a same-day procedure (0 days) is printed as one working day. */
function processingTime(statutory: StatutoryTime) {
  return statutory.value > 0
    ? { amount: statutory.value, unit: statutory.unit }
    : { amount: 1, unit: statutory.unit };
}

/** The documents handed in at the counter; the receipt lists at least one line. */
function documentLines(c: FormContext) {
  const lines = c.documents
    .filter((d) => d.kind === 'submitted')
    .map((d) => ({ name: clip(d.name, 1000) ?? 'Giấy tờ', originals: d.originals, copies: d.copies }));
  return lines.length ? lines : [{ name: 'Hồ sơ theo quy định của thủ tục hành chính' }];
}

function receipt(c: FormContext): ReceiptInput | null {
  const s = c.row.snapshot;
  const appointment = s.clocks.legal.originalDueAt ?? s.dueAt;
  if (!s.code || !s.receivedAt || !appointment) return null;
  const desk = agencyOf(c, s.receivingAgencyId);
  const receiver = c.events.find((e) => e.action === 'receive')?.actorUserId;
  const channel = s.returnChannel ?? s.channel;
  const where = { counter: desk.address, post: c.row.applicantAddress, online: null }[channel];
  return {
    ...base(c, s.receivingAgencyId),
    issuedAt: at(s.receivedAt),
    dossierCode: s.code,
    trackingCheck: c.row.trackingCheck ?? undefined,
    lookupUrl: c.lookupUrl,
    applicant: applicant(c),
    procedure: procedure(c),
    documents: documentLines(c),
    processingTime: processingTime(s.statutory),
    receivedAt: at(s.receivedAt),
    // The appointment given at receipt: a later apology has its own form.
    appointmentAt: at(appointment),
    resultChannel: channel,
    resultChannelNote: clip(where, 500),
    fee: c.row.feeAmountVnd === null ? undefined : { amountVnd: c.row.feeAmountVnd },
    officer: { name: nameOf(c, receiver) ?? 'Cán bộ tiếp nhận' },
    hotline: clip(desk.phone, 50),
  };
}

/** The latest request (at intake or during processing): what to add, and why. */
function supplementRequest(c: FormContext): SupplementRequestInput | null {
  const s = c.row.snapshot;
  const record = s.supplements.at(-1);
  if (!record) return null;
  const desk = agencyOf(c, s.receivingAgencyId);
  const reasons = record.reasons.flatMap((r) => clip(r, 1000) ?? []);
  const wanted = record.documents.length ? record.documents : reasons;
  const items = wanted.flatMap((name) => {
    const text = clip(name, 1000);
    return text ? [{ name: text }] : [];
  });
  return {
    ...base(c, s.receivingAgencyId),
    issuedAt: at(record.requestedAt),
    dossierCode: s.code ?? undefined,
    lookupUrl: c.lookupUrl,
    applicant: applicant(c),
    procedure: procedure(c),
    stage: record.stage === 'intake' ? 'intake' : 'appraisal',
    receivedAt: s.receivedAt ? at(s.receivedAt) : s.submittedAt ? at(s.submittedAt) : undefined,
    items: items.length ? items : [{ name: 'Hồ sơ đã nộp' }],
    reason: clip(reasons.join('; '), 2000) ?? 'Hồ sơ chưa đầy đủ, hợp lệ.',
    contact: { name: clip(desk.name, 200) ?? 'Bộ phận Một cửa', phone: clip(desk.phone, 50) },
    officer: { name: nameOf(c, record.requestedBy) ?? 'Cán bộ hướng dẫn' },
  };
}

function refusal(c: FormContext): RefusalInput | null {
  const s = c.row.snapshot;
  if (!s.refusal) return null;
  const reasons = s.refusal.reasons.flatMap((r) => clip(r, 2000) ?? []);
  return {
    ...base(c, s.receivingAgencyId),
    issuedAt: at(s.refusal.at),
    dossierCode: s.code ?? undefined,
    applicant: applicant(c),
    procedure: procedure(c),
    receivedAt: s.submittedAt ? at(s.submittedAt) : undefined,
    reasons: reasons.length ? reasons : ['Hồ sơ không đủ điều kiện tiếp nhận.'],
    officer: { name: nameOf(c, s.refusal.by) ?? 'Cán bộ tiếp nhận' },
  };
}

/** Who signs a letter of the competent agency: the role the officer acted under, named as a position. */
function signer(c: FormContext, action: string, userId: string) {
  const role = c.events.findLast((e) => e.action === action)?.actorRole;
  const label = role ? ROLE_LABELS[role as Role] : undefined;
  const agency = agencyOf(c, c.row.snapshot.competentAgencyId);
  return {
    authority: role === 'signing_leader' ? clip(`TM. ${upper(agency.name)}`, 200) : undefined,
    position: label ? upper(label) : 'THỦ TRƯỞNG CƠ QUAN',
    name: nameOf(c, userId),
  };
}

function apology(c: FormContext): ApologyInput | null {
  const s = c.row.snapshot;
  if (!s.apology || !s.code || !s.receivedAt) return null;
  return {
    ...base(c, s.competentAgencyId),
    issuedAt: at(s.apology.at),
    dossierCode: s.code,
    lookupUrl: c.lookupUrl,
    applicant: applicant(c),
    procedure: procedure(c),
    receivedAt: at(s.receivedAt),
    originalAppointmentAt: at(s.apology.previousDueAt),
    newAppointmentAt: at(s.apology.newDueAt),
    reason: clip(s.apology.reason, 2000) ?? 'Chưa giải quyết xong hồ sơ đúng hạn.',
    signer: signer(c, 'apologise', s.apology.by),
  };
}

function stopNotice(c: FormContext): StopNoticeInput | null {
  const s = c.row.snapshot;
  if (!s.stop || !s.code || !s.receivedAt) return null;
  return {
    ...base(c, s.competentAgencyId),
    issuedAt: at(s.stop.at),
    dossierCode: s.code,
    lookupUrl: c.lookupUrl,
    applicant: applicant(c),
    procedure: procedure(c),
    receivedAt: at(s.receivedAt),
    stoppedAt: at(s.stop.at),
    reasons: [clip(s.stop.reason, 2000) ?? 'Dừng giải quyết hồ sơ.'],
    legalGround: clip(s.stop.legalBasis, 1000),
    signer: signer(c, 'stop', s.stop.by),
  };
}

const vnDay = (ms: number) => Math.floor((ms + 7 * 3_600_000) / 86_400_000);

/** Against the step's own deadline: early when finished on an earlier day (as the dossier page shows it). */
function stepResult(step: DossierStep): Handover['result'] {
  if (!step.completedAt || !step.dueAt) return undefined;
  const done = Date.parse(step.completedAt);
  const due = Date.parse(step.dueAt);
  if (done > due) return 'late';
  return vnDay(done) < vnDay(due) ? 'early' : 'on-time';
}

function stepNote(step: DossierStep): string {
  const notes = [
    step.interlinked ? 'Liên thông' : undefined,
    step.completedAt ? `Hoàn thành lúc ${formatDateTime(at(step.completedAt))}` : 'Đang xử lý',
  ];
  return notes.filter(Boolean).join('; ');
}

/** One row per step reached: from the previous step's agency and officer (the applicant first) to this one. */
function handovers(c: FormContext): Handover[] {
  const steps = c.row.snapshot.steps.filter((step) => step.startedAt !== null);
  const party = (step: DossierStep) => ({
    agency: clip(agencyOf(c, step.agencyId).name, 300) ?? 'Cơ quan',
    person: nameOf(c, step.completedBy),
  });
  return steps.map((step, i) => {
    const previous = steps[i - 1];
    return {
      stepName: clip(step.name, 300) ?? `Bước ${step.index + 1}`,
      from: previous
        ? party(previous)
        : { agency: 'Tổ chức, cá nhân nộp hồ sơ', person: clip(c.row.applicantName, 200) },
      to: party(step),
      at: at(step.startedAt ?? ''),
      stepDeadline: step.dueAt ? at(step.dueAt) : undefined,
      result: stepResult(step),
      note: stepNote(step),
    };
  });
}

function controlSheet(c: FormContext): ControlSheetInput | null {
  const s = c.row.snapshot;
  const rows = handovers(c);
  if (!s.code || !s.receivedAt || !s.dueAt || rows.length === 0) return null;
  const lead = s.competentAgencyId;
  const coordinating = new Set(
    s.steps.filter((step) => step.interlinked && step.agencyId !== lead).map((step) => step.agencyId),
  );
  return {
    ...base(c, s.receivingAgencyId),
    issuedAt: at(s.receivedAt),
    dossierCode: s.code,
    lookupUrl: c.lookupUrl,
    applicant: applicant(c),
    procedure: procedure(c),
    receivedAt: at(s.receivedAt),
    // The due date in force: after an apology the sheet follows the new appointment.
    appointmentAt: at(s.dueAt),
    leadAgency: clip(agencyOf(c, lead).name, 300),
    coordinatingAgencies: [...coordinating].flatMap((id) => clip(agencyOf(c, id).name, 300) ?? []),
    handovers: rows,
  };
}

const lift = <T>(input: T | null, render: (input: T) => Promise<Buffer>) => (input ? render(input) : null);

/** The form's PDF, or null when the dossier has none of that kind (yet). */
export function renderDossierForm(kind: DossierFormKind, c: FormContext): Promise<Buffer> | null {
  switch (kind) {
    case 'receipt':
      return lift(receipt(c), receiptPdf);
    case 'supplement-request':
      return lift(supplementRequest(c), supplementRequestPdf);
    case 'refusal':
      return lift(refusal(c), refusalPdf);
    case 'apology':
      return lift(apology(c), apologyPdf);
    case 'stop-notice':
      return lift(stopNotice(c), stopNoticePdf);
    case 'control-sheet':
      return lift(controlSheet(c), controlSheetPdf);
  }
}

/** A dossier's statutory form as a PDF for an officer who may see the dossier; 404 when it has none yet. */
export async function dossierFormPdf(
  db: Db,
  principal: Principal,
  id: string,
  kind: DossierFormKind,
  publicBaseUrl: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const c = await loadFormContext(db, principal, id, publicBaseUrl);
  const profile = c.row.snapshot.ruleProfile;
  const name = formTitle(profile, kind).toLocaleLowerCase('vi');
  // Decree 61/2018 has no stop: its dossiers never get this notice (the form printer refuses it too).
  if (kind === 'stop-notice' && profile === 'nd61-2018') {
    throw notFound(`Hồ sơ giải quyết theo Nghị định 61/2018/NĐ-CP không có ${name}.`);
  }
  const pdf = await renderDossierForm(kind, c);
  if (!pdf) throw notFound(`Hồ sơ chưa có ${name}.`);
  return { pdf, filename: `${kind}-${c.row.code ?? c.row.id}.pdf` };
}
