import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { detectFileType } from '../../platform/files/detect-type.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { assertDossierSizeWithin } from '../../platform/files/upload-limits.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { citizenIdProblem, normalizePhone } from '../auth/identifiers.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { isoFromDay, vnDayOfMs } from '../calendar/day.ts';
import { documentSlots } from '../catalog/document-slots.ts';
import { validateFormData } from '../catalog/form-data.ts';
import { procedureAgencies, procedures } from '../catalog/schema.ts';
import type { NotificationChannel } from '../notify/schema.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { type AlsoWrite, actOnDossier, staleDossier } from './act-on-dossier.ts';
import { columnsOf, loadDossier, procedureColumns } from './dossier-store.ts';
import type { DossierAction } from './lifecycle/actions.ts';
import { type DossierSnapshot, newDossier } from './lifecycle/snapshot.ts';
import { statutoryOf } from './receive-walk-in.ts';
import { dossierDocuments, dossierFormData, dossiers, requestKeys } from './schema.ts';
import { newTrackingCheck } from './tracking-check.ts';

// A citizen's online application: a draft dossier the applicant fills in (from any device), uploads files to
// and submits; later supplements or withdraws. Files are uploaded first (content-addressed) and attached in a
// separate short write, so a failed request never leaves half an attachment.

type ProcedureRow = typeof procedures.$inferSelect;

const desks = ['one_stop_desk', 'public_service_centre'] as const;
const editableStates = new Set(['draft', 'intake_supplement_requested', 'supplement_requested']);

export function acceptsOnline(p: Pick<ProcedureRow, 'onlineMode' | 'published'>): boolean {
  return p.published && p.onlineMode !== 'none';
}

async function publishedProcedure(db: Db, code: string): Promise<ProcedureRow> {
  const [procedure] = await db.select().from(procedures).where(eq(procedures.code, code));
  if (!procedure?.published) throw notFound(`Không tìm thấy thủ tục có mã ${code}.`);
  return procedure;
}

/**
 * Where an applicant can file a procedure online today: the one-stop desks of the units whose agencies carry it
 * out, each with the competent agency there.
 */
export async function receivingOptions(
  db: Db,
  procedureId: string,
  today = isoFromDay(vnDayOfMs(Date.now())),
) {
  const current = (t: typeof agencies) => or(isNull(t.validTo), gte(t.validTo, today));
  const competent = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, unitName: adminUnits.name })
    .from(procedureAgencies)
    .innerJoin(agencies, eq(agencies.id, procedureAgencies.agencyId))
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(and(eq(procedureAgencies.procedureId, procedureId), current(agencies)));
  if (competent.length === 0) return [];
  const deskRows = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, kind: agencies.kind })
    .from(agencies)
    .where(
      and(
        inArray(
          agencies.unitId,
          competent.map((c) => c.unitId),
        ),
        inArray(agencies.kind, [...desks]),
        current(agencies),
      ),
    );
  return deskRows
    .flatMap((desk) =>
      competent
        .filter((c) => c.unitId === desk.unitId)
        .slice(0, 1)
        .map((c) => ({
          receivingAgencyId: desk.id,
          receivingAgencyName: desk.name,
          competentAgencyId: c.id,
          competentAgencyName: c.name,
          unitName: c.unitName,
        })),
    )
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}

/** What the application page needs: the procedure, its form, its upload slots and where it can be filed. */
export async function applicationInfo(db: Db, code: string) {
  const procedure = await publishedProcedure(db, code);
  return {
    procedureCode: procedure.code,
    procedureName: procedure.name,
    onlineMode: procedure.onlineMode,
    acceptsOnline: acceptsOnline(procedure),
    feeText: procedure.feeText,
    feeAmountVnd: procedure.feeAmountVnd,
    processingTimeText: procedure.processingTimeText,
    formSchema: procedure.formSchema ?? { fields: [] },
    documentSlots: documentSlots(procedure.requiredDocuments, procedure.formSchema),
    receivingOptions: await receivingOptions(db, procedure.id),
  };
}

function requireCitizen(principal: Principal): Principal {
  if (principal.kind !== 'citizen') {
    throw forbidden('Chức năng này dành cho người dân, doanh nghiệp; cán bộ tiếp nhận tại quầy Một cửa.');
  }
  return principal;
}

/**
 * Replays a request carrying an `Idempotency-Key` already used: the dossier it produced, or null when the key
 * is new. A key reused for another purpose is refused.
 */
export async function replayedDossier(
  db: Db,
  userId: string,
  key: string | undefined,
  scope: string,
): Promise<string | null> {
  if (!key) return null;
  const [row] = await db
    .select()
    .from(requestKeys)
    .where(and(eq(requestKeys.userId, userId), eq(requestKeys.key, key)));
  if (!row) return null;
  if (row.scope !== scope) {
    throw conflict('Mã chống gửi trùng (Idempotency-Key) này đã được dùng cho một yêu cầu khác.');
  }
  return row.dossierId;
}

/** Stores the key; for an action, inside the action's transaction (a crash keeps both or neither). */
export async function rememberRequest(
  db: Pick<Db, 'insert'>,
  userId: string,
  key: string | undefined,
  scope: string,
  dossierId: string,
) {
  if (!key) return;
  await db.insert(requestKeys).values({ userId, key, scope, dossierId }).onConflictDoNothing();
}

export interface CreateDraftInput {
  procedureCode: string;
  receivingAgencyId: string;
}

/** Starts an online application: a draft dossier prefilled with the account's data. */
export async function createDraft(
  db: Db,
  principal: Principal,
  input: CreateDraftInput,
  idempotencyKey?: string,
  now = new Date(),
): Promise<string> {
  requireCitizen(principal);
  const replay = await replayedDossier(db, principal.userId, idempotencyKey, 'create');
  if (replay) return replay;
  const procedure = await publishedProcedure(db, input.procedureCode);
  if (!acceptsOnline(procedure)) {
    throw new AppError(
      'RULE',
      'Thủ tục này chưa cho phép nộp trực tuyến; vui lòng nộp tại Bộ phận Một cửa hoặc qua bưu chính.',
    );
  }
  const time = statutoryOf(procedure);
  if (!time) {
    throw new AppError('RULE', 'Thủ tục chưa có thời hạn giải quyết nên chưa nhận hồ sơ trực tuyến.');
  }
  const option = (await receivingOptions(db, procedure.id)).find(
    (o) => o.receivingAgencyId === input.receivingAgencyId,
  );
  if (!option) throw invalid('receivingAgencyId', 'Vui lòng chọn nơi nộp hồ sơ trong danh sách.');
  const [receiving] = await db
    .select({ unitId: agencies.unitId })
    .from(agencies)
    .where(eq(agencies.id, option.receivingAgencyId));
  const [account] = await db.select().from(users).where(eq(users.id, principal.userId));
  if (!receiving || !account) throw notFound('Không tìm thấy nơi nộp hoặc tài khoản.');

  const id = randomUUID();
  const draft = newDossier({
    id,
    procedureCode: procedure.code,
    applicantUserId: principal.userId,
    channel: 'online',
    receivingAgencyId: option.receivingAgencyId,
    competentAgencyId: option.competentAgencyId,
    statutory: time.statutory,
    process: procedure.internalProcess,
    createdAt: now,
  });
  await db.transaction(async (tx) => {
    await tx.insert(dossiers).values({
      ownerUnitId: receiving.unitId,
      id,
      ...procedureColumns(procedure),
      receivingAgencyId: option.receivingAgencyId,
      competentAgencyId: option.competentAgencyId,
      applicantUserId: principal.userId,
      applicantKind: 'person',
      applicantName: account.fullName,
      applicantCitizenId: account.citizenId,
      applicantPhone: account.phone,
      applicantEmail: account.email,
      feeAmountVnd: procedure.feeAmountVnd,
      trackingCheck: newTrackingCheck(),
      ...columnsOf(draft),
    });
    await tx.insert(dossierFormData).values({ ownerUnitId: receiving.unitId, dossierId: id, data: {} });
    if (idempotencyKey) {
      await tx.insert(requestKeys).values({
        userId: principal.userId,
        key: idempotencyKey,
        scope: 'create',
        dossierId: id,
      });
    }
  });
  return id;
}

async function ownDossier(db: Db, principal: Principal, id: string) {
  requireCitizen(principal);
  const row = await loadDossier(db, id);
  if (!row || row.applicantUserId !== principal.userId) throw notFound('Không tìm thấy hồ sơ.');
  return row;
}

export interface DraftInput {
  version: number;
  applicant?: {
    kind?: 'person' | 'organisation' | undefined;
    fullName?: string | undefined;
    citizenId?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    address?: string | undefined;
  };
  formData?: Record<string, unknown>;
}

/** Saves the applicant's data and form answers of a draft (partly filled is fine; wrong values are not). */
export async function saveDraft(
  db: Db,
  principal: Principal,
  id: string,
  input: DraftInput,
  now = new Date(),
) {
  const row = await ownDossier(db, principal, id);
  if (row.state !== 'draft') throw conflict('Hồ sơ đã nộp; không sửa được thông tin khai nữa.');
  if (row.version !== input.version) throw staleDossier();
  const [procedure] = await db.select().from(procedures).where(eq(procedures.id, row.procedureId));
  const problems: { path: string; message: string }[] = [];
  const a = input.applicant ?? {};
  const phone = a.phone ? normalizePhone(a.phone) : null;
  if (a.phone && !phone) problems.push({ path: 'applicant.phone', message: 'Số điện thoại không hợp lệ.' });
  const idProblem = a.citizenId ? citizenIdProblem(a.citizenId, now) : null;
  if (idProblem) problems.push({ path: 'applicant.citizenId', message: idProblem });
  const form = validateFormData(procedure?.formSchema ?? null, input.formData ?? {}, { partial: true, now });
  problems.push(...form.problems);
  if (problems.length) throw validationProblems(problems);

  const snapshot: DossierSnapshot = { ...row.snapshot, version: row.version + 1 };
  await db.transaction(async (tx) => {
    const saved = await tx
      .update(dossiers)
      .set({
        ...(input.applicant
          ? {
              applicantKind: a.kind ?? row.applicantKind,
              applicantName: a.fullName?.trim() || row.applicantName,
              applicantCitizenId: a.citizenId || null,
              applicantPhone: phone,
              applicantEmail: a.email ? a.email.toLowerCase() : null,
              applicantAddress: a.address || null,
            }
          : {}),
        snapshot,
        version: snapshot.version,
        updatedAt: now,
      })
      .where(
        and(
          eq(dossiers.ownerUnitId, row.ownerUnitId),
          eq(dossiers.id, id),
          eq(dossiers.version, input.version),
        ),
      )
      .returning({ id: dossiers.id });
    if (saved.length === 0) throw staleDossier();
    if (input.formData) {
      await tx
        .insert(dossierFormData)
        .values({ ownerUnitId: row.ownerUnitId, dossierId: id, data: form.values })
        .onConflictDoUpdate({
          target: [dossierFormData.ownerUnitId, dossierFormData.dossierId],
          set: { data: form.values, updatedAt: now },
        });
    }
  });
}

function validationProblems(problems: { path: string; message: string }[]): AppError {
  const more = problems.length > 1 ? ` (và ${problems.length - 1} mục khác)` : '';
  return new AppError('VALIDATION', `${problems[0]?.message ?? 'Dữ liệu không hợp lệ.'}${more}`, problems);
}

/** Attaches an uploaded file to a checklist slot of a draft, or as a supplement when one is awaited. */
export async function attachDocument(
  db: Db,
  files: FileStore,
  principal: Principal,
  id: string,
  input: { slot?: string | undefined; name?: string | undefined; fileId: string },
  limits: { maxDossierBytes: number },
) {
  const row = await ownDossier(db, principal, id);
  if (!editableStates.has(row.state)) {
    throw conflict(
      'Hồ sơ không ở trạng thái nhận thêm giấy tờ (chỉ khi đang soạn hoặc khi được yêu cầu bổ sung).',
    );
  }
  if (!(await files.exists(input.fileId)))
    throw invalid('fileId', 'Không tìm thấy tệp; vui lòng tải tệp lên lại.');
  const bytes = await files.get(input.fileId);
  const type = detectFileType(bytes);
  if (!type) throw invalid('fileId', 'Tệp không phải PDF, JPEG hoặc PNG.');
  const [procedure] = await db.select().from(procedures).where(eq(procedures.id, row.procedureId));
  const slots = documentSlots(procedure?.requiredDocuments ?? [], procedure?.formSchema ?? null);
  const slot = input.slot ? slots.find((s) => s.slot === input.slot) : undefined;
  if (input.slot && !slot) throw invalid('slot', 'Giấy tờ này không có trong danh mục của thủ tục.');
  const name = (input.name?.trim() || slot?.name || '').slice(0, 3000);
  if (!name) throw invalid('name', 'Vui lòng ghi tên giấy tờ.');
  const [used] = await db
    .select({ bytes: sql<number>`coalesce(sum(${dossierDocuments.sizeBytes}), 0)::int` })
    .from(dossierDocuments)
    .where(and(eq(dossierDocuments.ownerUnitId, row.ownerUnitId), eq(dossierDocuments.dossierId, id)));
  assertDossierSizeWithin(limits.maxDossierBytes, used?.bytes ?? 0, bytes.length);
  const [doc] = await db
    .insert(dossierDocuments)
    .values({
      ownerUnitId: row.ownerUnitId,
      dossierId: id,
      kind: row.state === 'draft' ? 'submitted' : 'supplement',
      slot: slot?.slot ?? null,
      name,
      originals: 0,
      copies: 1,
      fileSha256: input.fileId,
      mime: type,
      sizeBytes: bytes.length,
    })
    .returning({ id: dossierDocuments.id });
  return doc?.id;
}

/** Discards a draft that was never submitted (nothing about it was ever official). */
export async function discardDraft(db: Db, principal: Principal, id: string) {
  const row = await ownDossier(db, principal, id);
  if (row.state !== 'draft')
    throw conflict('Chỉ xóa được hồ sơ chưa nộp; hồ sơ đã nộp thì dùng «Rút hồ sơ».');
  await db.transaction(async (tx) => {
    const key = and(
      eq(dossiers.ownerUnitId, row.ownerUnitId),
      eq(dossiers.id, id),
      eq(dossiers.state, 'draft'),
    );
    const removed = await tx.delete(dossiers).where(key).returning({ id: dossiers.id });
    if (removed.length === 0) throw staleDossier();
    const owned = (t: typeof dossierDocuments | typeof dossierFormData) =>
      and(eq(t.ownerUnitId, row.ownerUnitId), eq(t.dossierId, id));
    await tx.delete(dossierDocuments).where(owned(dossierDocuments));
    await tx.delete(dossierFormData).where(owned(dossierFormData));
  });
}

/** Removes an attachment the applicant added in the current phase (a draft's, or an awaited supplement's). */
export async function detachDocument(db: Db, principal: Principal, id: string, documentId: string) {
  const row = await ownDossier(db, principal, id);
  if (!editableStates.has(row.state)) throw conflict('Hồ sơ đã nộp; không gỡ được giấy tờ.');
  const kind = row.state === 'draft' ? 'submitted' : 'supplement';
  const since = lastSupplementRequestAt(row.snapshot);
  const removed = await db
    .delete(dossierDocuments)
    .where(
      and(
        eq(dossierDocuments.ownerUnitId, row.ownerUnitId),
        eq(dossierDocuments.dossierId, id),
        eq(dossierDocuments.id, documentId),
        eq(dossierDocuments.kind, kind),
        ...(since ? [gte(dossierDocuments.createdAt, since)] : []),
      ),
    )
    .returning({ id: dossierDocuments.id });
  if (removed.length === 0) throw notFound('Không tìm thấy giấy tờ có thể gỡ.');
}

function lastSupplementRequestAt(s: DossierSnapshot): Date | null {
  const open = s.supplements.filter((r) => !r.suppliedAt).at(-1);
  return open ? new Date(open.requestedAt) : null;
}

/** What blocks a submission, each problem with where it is (for the review page). */
export async function submissionProblems(db: Db, row: NonNullable<Awaited<ReturnType<typeof loadDossier>>>) {
  const [procedure] = await db.select().from(procedures).where(eq(procedures.id, row.procedureId));
  const [form] = await db
    .select()
    .from(dossierFormData)
    .where(and(eq(dossierFormData.ownerUnitId, row.ownerUnitId), eq(dossierFormData.dossierId, row.id)));
  const docs = await db
    .select({ slot: dossierDocuments.slot })
    .from(dossierDocuments)
    .where(and(eq(dossierDocuments.ownerUnitId, row.ownerUnitId), eq(dossierDocuments.dossierId, row.id)));
  const problems: { path: string; message: string }[] = [];
  if (!row.applicantName || row.applicantName.trim().length < 2) {
    problems.push({ path: 'applicant.fullName', message: 'Vui lòng nhập họ tên người nộp.' });
  }
  if (row.applicantKind === 'person' && !row.applicantCitizenId) {
    problems.push({ path: 'applicant.citizenId', message: 'Vui lòng nhập số định danh cá nhân (CCCD).' });
  }
  if (!row.applicantPhone && !row.applicantEmail) {
    problems.push({
      path: 'applicant.phone',
      message: 'Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan liên hệ khi cần.',
    });
  }
  problems.push(
    ...validateFormData(procedure?.formSchema ?? null, form?.data ?? {}, { partial: false }).problems,
  );
  const attached = new Set(docs.map((d) => d.slot));
  for (const slot of documentSlots(procedure?.requiredDocuments ?? [], procedure?.formSchema ?? null)) {
    if (slot.required && !attached.has(slot.slot)) {
      problems.push({ path: `documents.${slot.slot}`, message: `Vui lòng tải lên: ${slot.name}` });
    }
  }
  return problems;
}

export type ApplicantAction = Extract<DossierAction, { type: 'submit' | 'supply_supplement' | 'withdraw' }>;

/** The applicant's own actions, checked beyond the state machine (a complete submission, a real supplement). */
export async function actAsApplicant(
  db: Db,
  principal: Principal,
  id: string,
  version: number,
  action: ApplicantAction,
  channels?: ReadonlySet<NotificationChannel>,
  alsoWrite?: AlsoWrite,
) {
  const row = await ownDossier(db, principal, id);
  if (action.type === 'submit' && row.state === 'draft') {
    const problems = await submissionProblems(db, row);
    if (problems.length) throw validationProblems(problems);
  }
  if (action.type === 'supply_supplement') {
    const since = lastSupplementRequestAt(row.snapshot);
    const [added] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(dossierDocuments)
      .where(
        and(
          eq(dossierDocuments.ownerUnitId, row.ownerUnitId),
          eq(dossierDocuments.dossierId, id),
          eq(dossierDocuments.kind, 'supplement'),
          ...(since ? [gte(dossierDocuments.createdAt, since)] : []),
        ),
      );
    if (!added?.n && !action.note?.trim()) {
      throw invalid(
        'documents',
        'Vui lòng tải lên giấy tờ bổ sung (hoặc ghi rõ nội dung bổ sung) trước khi gửi.',
      );
    }
  }
  return actOnDossier(db, principal, id, version, action, {
    ...(channels ? { channels } : {}),
    ...(alsoWrite ? { alsoWrite } : {}),
  });
}
