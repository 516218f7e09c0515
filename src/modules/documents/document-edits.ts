// Correcting a register entry and archiving one entered in error, with optimistic concurrency (the version the
// editor read) and an append-only history of every change (official_document_events).
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { type DocumentInput, documentInput } from './document-input.ts';
import { canKeepAgency, canReadAgency } from './documents-access.ts';
import { duplicateMessage, isUniqueViolation, resolveCounterpart } from './documents-register.ts';
import { officialDocumentEvents, officialDocuments } from './schema.ts';

const version = z.int('Phiên bản không hợp lệ.').min(1, 'Phiên bản không hợp lệ.');
export const updateDocumentBody = z.strictObject({ document: documentInput, version });
export const archiveDocumentBody = z.strictObject({
  version,
  reason: z
    .string('Vui lòng nhập lý do lưu trữ (ví dụ: nhập trùng, nhập nhầm).')
    .trim()
    .min(3, 'Vui lòng nhập lý do lưu trữ (ví dụ: nhập trùng, nhập nhầm).')
    .max(500, 'Lý do tối đa 500 ký tự.'),
});

const changedByOthers = () =>
  new AppError(
    'CONFLICT',
    'Văn bản vừa được người khác sửa sau khi bạn mở; vui lòng tải lại sổ để xem bản mới rồi sửa lại.',
  );

/** The entry (by id, across units — a small index lookup by id then the owner unit) and the keeper check. */
async function keptDocument(db: Db, principal: Principal, id: string) {
  const [row] = await db.select().from(officialDocuments).where(eq(officialDocuments.id, id));
  if (!row || !canReadAgency(principal, row.agencyId)) throw notFound('Không tìm thấy văn bản.');
  if (!canKeepAgency(principal, row.agencyId)) throw forbidden('Sổ văn bản này không thuộc cơ quan của bạn.');
  if (row.archivedAt) throw conflict('Văn bản đã được lưu trữ, không sửa được nữa.');
  return row;
}

const editable = (input: DocumentInput) => ({
  direction: input.direction,
  number: input.number,
  symbol: input.symbol,
  issuedOn: input.issuedOn,
  summary: input.summary,
  electronic: input.electronic,
  digitallySigned: input.digitallySigned,
  dueOn: input.dueOn ?? null,
  handler: input.handler ?? null,
  status: input.status,
});

export async function updateDocument(
  db: Db,
  principal: Principal,
  id: string,
  body: z.infer<typeof updateDocumentBody>,
  now = new Date(),
) {
  const row = await keptDocument(db, principal, id);
  if (body.version !== row.version) throw changedByOthers();
  const input = body.document;
  const values = { ...editable(input), ...(await resolveCounterpart(db, input)) };
  const [duplicate] = await db
    .select({ id: officialDocuments.id })
    .from(officialDocuments)
    .where(
      and(
        eq(officialDocuments.ownerUnitId, row.ownerUnitId),
        eq(officialDocuments.agencyId, row.agencyId),
        eq(officialDocuments.direction, input.direction),
        eq(officialDocuments.number, input.number),
        eq(officialDocuments.symbol, input.symbol),
        eq(officialDocuments.issuedOn, input.issuedOn),
        ne(officialDocuments.id, id),
      ),
    );
  if (duplicate) throw conflict(duplicateMessage(input));
  const before = Object.fromEntries(
    Object.keys(values).map((k) => [k, row[k as keyof typeof row]]),
  ) as Record<string, unknown>;
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => before[k] !== v)) as Record<
    string,
    unknown
  >;
  try {
    return await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(officialDocuments)
        .set({ ...values, version: row.version + 1, updatedAt: now })
        .where(
          and(
            eq(officialDocuments.ownerUnitId, row.ownerUnitId),
            eq(officialDocuments.id, id),
            eq(officialDocuments.version, row.version),
          ),
        )
        .returning();
      if (!updated) throw changedByOthers();
      await tx.insert(officialDocumentEvents).values({
        ownerUnitId: row.ownerUnitId,
        documentId: id,
        action: 'updated',
        actorUserId: principal.userId,
        at: now,
        data: {
          before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k]])),
          after: changed,
        },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(duplicateMessage(input));
    throw error;
  }
}

export async function archiveDocument(
  db: Db,
  principal: Principal,
  id: string,
  body: z.infer<typeof archiveDocumentBody>,
  now = new Date(),
) {
  const row = await keptDocument(db, principal, id);
  if (body.version !== row.version) throw changedByOthers();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(officialDocuments)
      .set({ archivedAt: now, version: row.version + 1, updatedAt: now })
      .where(
        and(
          eq(officialDocuments.ownerUnitId, row.ownerUnitId),
          eq(officialDocuments.id, id),
          eq(officialDocuments.version, row.version),
        ),
      )
      .returning();
    if (!updated) throw changedByOthers();
    await tx.insert(officialDocumentEvents).values({
      ownerUnitId: row.ownerUnitId,
      documentId: id,
      action: 'archived',
      actorUserId: principal.userId,
      at: now,
      data: { reason: body.reason },
    });
    return updated;
  });
}

/** An entry's history, oldest first. */
export async function documentHistory(db: Db, principal: Principal, id: string) {
  const [row] = await db
    .select({ ownerUnitId: officialDocuments.ownerUnitId, agencyId: officialDocuments.agencyId })
    .from(officialDocuments)
    .where(eq(officialDocuments.id, id));
  if (!row || !canReadAgency(principal, row.agencyId)) throw notFound('Không tìm thấy văn bản.');
  const events = await db
    .select()
    .from(officialDocumentEvents)
    .where(
      and(eq(officialDocumentEvents.ownerUnitId, row.ownerUnitId), eq(officialDocumentEvents.documentId, id)),
    )
    .orderBy(asc(officialDocumentEvents.id));
  return { items: events.map((e) => ({ id: e.id, action: e.action, at: e.at, data: e.data })) };
}
