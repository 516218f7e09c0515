import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { documentSlots } from '../catalog/document-slots.ts';
import { procedures } from '../catalog/schema.ts';
import { agencies } from '../org/schema.ts';
import { actorOf } from './act-on-dossier.ts';
import { viewDossier } from './dossier-view.ts';
import { availableActions } from './lifecycle/available-actions.ts';
import { ACTION_LABELS } from './lifecycle/labels.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { submissionProblems } from './online-application.ts';
import { publicStepLabel } from './public-timeline.ts';
import { dossierFormData, dossiers } from './schema.ts';

// The applicant's side of a dossier ("Hồ sơ của tôi"): status, what is expected of them now, the history in plain
// Vietnamese, forms and the result — never officers' internal notes or assignments.

const vnTime = (iso: string | Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));

/** One sentence telling the applicant what to do now (or that there is nothing to do). */
export function expectedOfApplicant(s: DossierSnapshot, receivingAgencyName: string): string {
  const open = s.supplements.filter((r) => !r.suppliedAt).at(-1);
  switch (s.state) {
    case 'draft':
      return 'Điền đủ thông tin, tải giấy tờ lên rồi bấm «Nộp hồ sơ». Hồ sơ chưa được gửi đi.';
    case 'submitted':
      return `Bạn không cần làm gì thêm: ${receivingAgencyName} đang kiểm tra hồ sơ trong giờ hành chính.`;
    case 'intake_supplement_requested':
    case 'supplement_requested':
      return `Vui lòng bổ sung: ${open?.reasons.map((r) => r.replace(/[.;\s]+$/, '')).join('; ') || 'theo yêu cầu của cơ quan'}. Tải giấy tờ bổ sung lên rồi bấm «Gửi bổ sung».`;
    case 'received':
    case 'in_progress':
      return s.dueAt
        ? `Bạn không cần làm gì thêm. Ngày hẹn trả kết quả: ${vnTime(s.dueAt)}.`
        : 'Bạn không cần làm gì thêm; hồ sơ đang được giải quyết.';
    case 'decided':
      return 'Hồ sơ đã có quyết định; kết quả đang được chuẩn bị để trả.';
    case 'result_issued':
      return s.result
        ? 'Đã có kết quả: tải kết quả điện tử bên dưới, hoặc mang phiếu hẹn đến Bộ phận Một cửa để nhận bản giấy.'
        : 'Đã có kết quả; vui lòng đến Bộ phận Một cửa để nhận.';
    case 'returned':
      return 'Hồ sơ đã hoàn thành và đã trả kết quả.';
    case 'refused':
      return `Hồ sơ bị từ chối tiếp nhận: ${s.refusal?.reasons.join('; ') ?? ''}`.trim();
    case 'stopped':
      return `Hồ sơ bị dừng giải quyết: ${s.stop?.reason ?? ''}`.trim();
    case 'withdrawn':
      return 'Bạn đã rút hồ sơ này.';
  }
}

const applicantActions = new Set(['submit', 'supply_supplement', 'withdraw']);

export async function listMyDossiers(db: Db, principal: Principal, page: number, pageSize: number) {
  const rows = await db
    .select()
    .from(dossiers)
    .where(eq(dossiers.applicantUserId, principal.userId))
    .orderBy(desc(dossiers.createdAt))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  const ids = [...new Set(rows.map((r) => r.receivingAgencyId))];
  const names = new Map(
    ids.length
      ? (
          await db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(inArray(agencies.id, ids))
        ).map((a) => [a.id, a.name])
      : [],
  );
  return {
    items: rows.slice(0, pageSize).map((r) => {
      const receivingAgencyName = names.get(r.receivingAgencyId) ?? '';
      return {
        id: r.id,
        code: r.code,
        procedureCode: r.procedureCode,
        procedureName: r.procedureName,
        state: r.state,
        stateLabel: STATE_LABELS[r.snapshot.state],
        receivingAgencyName,
        createdAt: r.createdAt,
        submittedAt: r.submittedAt,
        dueAt: r.dueAt,
        expectedOfYou: expectedOfApplicant(r.snapshot, receivingAgencyName),
        needsAction: ['draft', 'intake_supplement_requested', 'supplement_requested'].includes(r.state),
      };
    }),
    hasMore: rows.length > pageSize,
  };
}

/** The applicant's view of one dossier. */
export async function viewMyDossier(db: Db, principal: Principal, id: string, now = new Date()) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  // Only the applicant's own: officers who may see the dossier use the office view.
  if (!row || row.applicantUserId !== principal.userId) throw notFound('Không tìm thấy hồ sơ.');
  const full = await viewDossier(db, principal, id, now);
  const s = row.snapshot;
  const [procedure] = await db.select().from(procedures).where(eq(procedures.id, row.procedureId));
  const [form] = await db
    .select({ data: dossierFormData.data })
    .from(dossierFormData)
    .where(and(eq(dossierFormData.ownerUnitId, row.ownerUnitId), eq(dossierFormData.dossierId, id)));
  const calendar = await workingCalendar(db);
  const receivingAgencyName = full.receivingAgency?.name ?? '';
  const openRequest = s.supplements.filter((r) => !r.suppliedAt).at(-1) ?? null;
  const forms = [
    ...(s.code ? [{ kind: 'receipt', label: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }] : []),
    ...(s.supplements.length
      ? [{ kind: 'supplement-request', label: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' }]
      : []),
    ...(s.refusal ? [{ kind: 'refusal', label: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' }] : []),
    ...(s.apology ? [{ kind: 'apology', label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' }] : []),
  ];
  return {
    id: row.id,
    code: row.code,
    trackingCheck: row.code ? row.trackingCheck : null,
    version: row.version,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    state: s.state,
    stateLabel: STATE_LABELS[s.state],
    channel: row.channel,
    receivingAgencyName,
    competentAgencyName: full.competentAgency?.name ?? '',
    currentAgencyName: full.currentAgency?.name ?? null,
    createdAt: row.createdAt,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    returnedAt: row.returnedAt,
    expectedOfYou: expectedOfApplicant(s, receivingAgencyName),
    payment: full.payment,
    applicant: full.applicant,
    formSchema: procedure?.formSchema ?? { fields: [] },
    formData: form?.data ?? {},
    documentSlots: documentSlots(procedure?.requiredDocuments ?? [], procedure?.formSchema ?? null),
    documents: full.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      slot: d.slot,
      name: d.name,
      mime: d.mime,
      fileId: d.fileSha256,
      createdAt: d.createdAt,
      // What the applicant added in the current phase (a draft's files, an awaited supplement's).
      removable:
        (s.state === 'draft' && d.kind === 'submitted') ||
        (openRequest !== null && d.kind === 'supplement' && d.createdAt >= new Date(openRequest.requestedAt)),
    })),
    supplementRequest: openRequest
      ? {
          reasons: openRequest.reasons,
          documents: openRequest.documents,
          requestedAt: openRequest.requestedAt,
        }
      : null,
    apology: s.apology ? { reason: s.apology.reason, newDueAt: s.apology.newDueAt } : null,
    result: s.result ? { fileId: s.result.fileId, issuedAt: s.result.issuedAt } : null,
    timeline: full.events.flatMap((e) => {
      const label = publicStepLabel(e.action);
      if (!label) return [];
      const visibleNote = [
        'request_intake_supplement',
        'request_supplement',
        'refuse',
        'apologise',
        'stop',
        'reject',
      ];
      return [
        {
          at: e.at,
          label,
          agencyName: e.agencyName,
          note: visibleNote.includes(e.action) ? (e.reason ?? e.comment ?? null) : null,
        },
      ];
    }),
    forms,
    problems: s.state === 'draft' ? await submissionProblems(db, row) : [],
    availableActions: availableActions(s, actorOf(principal), now, calendar)
      .filter((type) => applicantActions.has(type))
      .map((type) => ({ type, label: ACTION_LABELS[type] })),
  };
}
