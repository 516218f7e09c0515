// Sending feedback: validated input, attachments checked against the file store, a code and check value, the
// first event, all in one transaction (an Idempotency-Key replays the first answer).
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { detectFileType } from '../../platform/files/detect-type.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import {
  defaultUploadLimits,
  formatMegabytes,
  type UploadLimits,
} from '../../platform/files/upload-limits.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { foldText } from '../../platform/text/normalize.ts';
import type { Principal } from '../auth/permissions.ts';
import { procedures } from '../catalog/schema.ts';
import { newTrackingCheck } from '../dossier/tracking-check.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import type { SubmitFeedbackInput } from './feedback.types.ts';
import { feedbackCode } from './feedback-rules.ts';
import { findSimilar, publicSimilar } from './find-similar.ts';
import { type FeedbackAttachment, feedbackCounters, feedbackEvents, feedbackItems } from './schema.ts';
import { termsOf } from './similarity.ts';

const vnYear = (d: Date) => new Date(d.getTime() + 7 * 3600 * 1000).getUTCFullYear();

/** The deployment's top unit in force today: owner of items nobody addressed (see schema.ts). */
export async function topUnitId(db: Db, now: Date): Promise<string> {
  const today = new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const [row] = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(
      and(
        isNull(adminUnits.parentId),
        or(isNull(adminUnits.validFrom), lte(adminUnits.validFrom, today)),
        or(isNull(adminUnits.validTo), sql`${adminUnits.validTo} >= ${today}`),
      ),
    )
    .orderBy(adminUnits.tier, adminUnits.code)
    .limit(1);
  if (!row) throw new Error('no administrative unit in force: seed the organisation first');
  return row.id;
}

/** Each attachment must be an uploaded file the store holds; type and size are read from its bytes. */
async function checkedAttachments(
  files: FileStore | undefined,
  limits: UploadLimits,
  sent: SubmitFeedbackInput['attachments'],
): Promise<FeedbackAttachment[]> {
  const out: FeedbackAttachment[] = [];
  let total = 0;
  for (const [i, a] of sent.entries()) {
    if (!files || !(await files.exists(a.fileId)))
      throw invalid(`attachments.${i}`, 'Tệp đính kèm chưa được tải lên hoặc đã bị xóa; vui lòng tải lại.');
    const bytes = await files.get(a.fileId);
    const mime = detectFileType(bytes);
    if (!mime)
      throw invalid(`attachments.${i}`, 'Tệp đính kèm không đúng định dạng cho phép (PDF, JPEG, PNG).');
    total += bytes.length;
    out.push({ fileId: a.fileId, name: a.name.normalize('NFC'), mime, sizeBytes: bytes.length });
  }
  if (total > limits.maxDossierBytes)
    throw new AppError(
      'RULE',
      `Tổng dung lượng tệp đính kèm vượt quá giới hạn ${formatMegabytes(limits.maxDossierBytes)}.`,
    );
  return out;
}

export interface SubmitContext {
  db: Db;
  /** Where uploads are; without it (the demo seed) attachments are refused. */
  files?: FileStore;
  uploadLimits?: UploadLimits | undefined;
}

export async function submitFeedback(
  ctx: SubmitContext,
  principal: Principal | null,
  input: SubmitFeedbackInput,
  idempotencyKey: string | undefined,
  now = new Date(),
) {
  const { db } = ctx;
  const sender = principal?.kind === 'citizen' ? principal : null;
  let procedure: { code: string; name: string; field: string } | undefined;
  if (input.procedureCode) {
    [procedure] = await db
      .select({ code: procedures.code, name: procedures.name, field: procedures.field })
      .from(procedures)
      .where(and(eq(procedures.code, input.procedureCode), eq(procedures.published, true)));
    if (!procedure) throw invalid('procedureCode', 'Không tìm thấy thủ tục này trong danh mục.');
  }
  let ownerUnitId: string;
  if (input.agencyId) {
    const [agency] = await db
      .select({ unitId: agencies.unitId })
      .from(agencies)
      .where(eq(agencies.id, input.agencyId));
    if (!agency) throw invalid('agencyId', 'Không tìm thấy cơ quan này.');
    ownerUnitId = agency.unitId;
  } else {
    ownerUnitId = await topUnitId(db, now);
  }
  const attachments = await checkedAttachments(
    ctx.files,
    ctx.uploadLimits ?? defaultUploadLimits,
    input.attachments,
  );
  const similar = await findSimilar(db, input);
  const full = `${input.title} ${input.content}`;

  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      // Two requests with the same key wait for each other; the second finds the first's item.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feedback:${idempotencyKey}`}))`);
      const [replay] = await tx
        .select({ code: feedbackItems.code, check: feedbackItems.trackingCheck, id: feedbackItems.id })
        .from(feedbackItems)
        .where(eq(feedbackItems.idempotencyKey, idempotencyKey))
        .limit(1);
      if (replay) return { ...replay, similar: publicSimilar(similar.filter((s) => s.id !== replay.id)) };
    }
    const year = vnYear(now);
    const [counter] = await tx
      .insert(feedbackCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: feedbackCounters.year, set: { last: sql`${feedbackCounters.last} + 1` } })
      .returning({ last: feedbackCounters.last });
    if (!counter) throw new Error('counter returned nothing');
    const code = feedbackCode(year, counter.last);
    const check = newTrackingCheck();
    const [item] = await tx
      .insert(feedbackItems)
      .values({
        ownerUnitId,
        code,
        trackingCheck: check,
        subjectKind: input.subjectKind,
        procedureCode: procedure?.code ?? null,
        procedureName: procedure?.name ?? null,
        field: procedure?.field ?? null,
        addressedAgencyId: input.agencyId ?? null,
        title: input.title,
        content: input.content,
        attachments,
        searchText: foldText(full),
        terms: termsOf(full),
        senderUserId: sender?.userId ?? null,
        senderName: input.senderName ?? sender?.fullName ?? null,
        senderPhone: input.senderPhone ?? null,
        senderEmail: input.senderEmail ?? null,
        senderAddress: input.senderAddress ?? null,
        consentToPublish: input.consentToPublish,
        status: 'received',
        handlingUnitId: ownerUnitId,
        idempotencyKey: idempotencyKey ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: feedbackItems.id });
    if (!item) throw new Error('insert returned nothing');
    await tx.insert(feedbackEvents).values({
      ownerUnitId,
      feedbackId: item.id,
      action: 'submit',
      actorUserId: sender?.userId ?? null,
      actorName: null,
      at: now,
      data: { similar: similar.map((s) => s.code) },
    });
    return { id: item.id, code, check, similar: publicSimilar(similar) };
  });
}
