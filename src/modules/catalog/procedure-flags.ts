import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { procedureFlags, procedures } from './schema.ts';

const flagColumns = {
  id: procedureFlags.id,
  procedureCode: procedures.code,
  procedureName: procedures.name,
  attribute: procedureFlags.attribute,
  rawValue: procedureFlags.rawValue,
  reason: procedureFlags.reason,
  status: procedureFlags.status,
  resolutionNote: procedureFlags.resolutionNote,
};

/** The review list of doubtful imported values. */
export async function listFlags(db: Db, status?: 'open' | 'confirmed' | 'corrected') {
  return db
    .select(flagColumns)
    .from(procedureFlags)
    .innerJoin(procedures, eq(procedures.id, procedureFlags.procedureId))
    .where(status ? eq(procedureFlags.status, status) : undefined)
    .orderBy(asc(procedureFlags.attribute), asc(procedures.code));
}

export async function resolveFlag(
  db: Db,
  id: string,
  resolution: { status: 'confirmed' | 'corrected'; note?: string | undefined },
  userId: string,
) {
  const updated = await db
    .update(procedureFlags)
    .set({
      status: resolution.status,
      resolutionNote: resolution.note ?? null,
      resolvedBy: userId,
      resolvedAt: new Date(),
    })
    .where(and(eq(procedureFlags.id, id), eq(procedureFlags.status, 'open')))
    .returning({ id: procedureFlags.id });
  const [row] = await db
    .select(flagColumns)
    .from(procedureFlags)
    .innerJoin(procedures, eq(procedures.id, procedureFlags.procedureId))
    .where(eq(procedureFlags.id, id));
  if (!row) throw notFound('Không tìm thấy mục cần xác nhận.');
  if (updated.length === 0) throw conflict('Mục này đã được xử lý trước đó.');
  return row;
}
