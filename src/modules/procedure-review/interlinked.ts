import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { procedures } from '../catalog/schema.ts';
import { agencies } from '../org/schema.ts';
import type { InterlinkInput } from './review.types.ts';
import { staleMessage } from './review-plans.ts';
import { interlinkedProcedures } from './schema.ts';

// The list of procedures that must be processed interlinked (plan III.3: "danh mục TTHC bắt buộc phải thực
// hiện liên thông"): the procedure and the agencies that take part, in order. The dossier module reads it
// through `interlinkRouteOf` and `nextInterlinkAgency` (dossier page and the transfer action).

export interface InterlinkRoute {
  procedureId: string;
  agencies: { id: string; name: string }[];
  note: string | null;
}

export async function listInterlinked(db: Db) {
  const rows = await db
    .select({
      procedureId: interlinkedProcedures.procedureId,
      procedureCode: procedures.code,
      procedureName: procedures.name,
      agencyIds: interlinkedProcedures.agencyIds,
      note: interlinkedProcedures.note,
      version: interlinkedProcedures.version,
      updatedAt: interlinkedProcedures.updatedAt,
    })
    .from(interlinkedProcedures)
    .innerJoin(procedures, eq(procedures.id, interlinkedProcedures.procedureId))
    .orderBy(asc(procedures.code));
  const ids = [...new Set(rows.flatMap((r) => r.agencyIds))];
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
    items: rows.map(({ agencyIds, ...r }) => ({
      ...r,
      agencies: agencyIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    })),
  };
}

/** The interlinked route of a procedure, or null when the procedure is not on the list. */
export async function interlinkRouteOf(db: Db, procedureId: string): Promise<InterlinkRoute | null> {
  const [row] = await db
    .select()
    .from(interlinkedProcedures)
    .where(eq(interlinkedProcedures.procedureId, procedureId))
    .limit(1);
  if (!row) return null;
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, row.agencyIds));
  const names = new Map(rows.map((a) => [a.id, a.name]));
  return {
    procedureId,
    agencies: row.agencyIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    note: row.note,
  };
}

/**
 * The agency a dossier must be transferred to next: the first agency of the route, after the one holding the
 * dossier now, that has no step of the dossier yet; null when the route is complete or the holder is not on it.
 * Pure.
 */
export function nextInterlinkAgency(
  route: Pick<InterlinkRoute, 'agencies'>,
  currentAgencyId: string | null,
  agenciesWithSteps: readonly string[],
): string | null {
  const ids = route.agencies.map((a) => a.id);
  const at = currentAgencyId ? ids.indexOf(currentAgencyId) : -1;
  if (at < 0) return null;
  return ids.slice(at + 1).find((id) => !agenciesWithSteps.includes(id)) ?? null;
}

async function procedureIdOf(db: Db, code: string): Promise<string> {
  const [procedure] = await db
    .select({ id: procedures.id })
    .from(procedures)
    .where(eq(procedures.code, code));
  if (!procedure) throw notFound('Không tìm thấy thủ tục hành chính có mã này.');
  return procedure.id;
}

export async function saveInterlinked(db: Db, code: string, input: InterlinkInput, now = new Date()) {
  const procedureId = await procedureIdOf(db, code);
  const found = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(inArray(agencies.id, input.agencyIds));
  if (found.length !== input.agencyIds.length) throw invalid('agencyIds', 'Có cơ quan không tồn tại.');
  const [existing] = await db
    .select({ version: interlinkedProcedures.version })
    .from(interlinkedProcedures)
    .where(eq(interlinkedProcedures.procedureId, procedureId));
  if (existing) {
    if (input.version !== existing.version) throw conflict(staleMessage);
    const [updated] = await db
      .update(interlinkedProcedures)
      .set({
        agencyIds: input.agencyIds,
        note: input.note ?? null,
        version: existing.version + 1,
        updatedAt: now,
      })
      .where(eq(interlinkedProcedures.procedureId, procedureId))
      .returning();
    if (!updated) throw conflict(staleMessage);
    return updated;
  }
  if (input.version !== undefined) throw conflict(staleMessage);
  const [created] = await db
    .insert(interlinkedProcedures)
    .values({ procedureId, agencyIds: input.agencyIds, note: input.note ?? null, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (!created) throw conflict(staleMessage);
  return created;
}

export async function removeInterlinked(db: Db, code: string) {
  const procedureId = await procedureIdOf(db, code);
  const deleted = await db
    .delete(interlinkedProcedures)
    .where(eq(interlinkedProcedures.procedureId, procedureId))
    .returning({ procedureId: interlinkedProcedures.procedureId });
  if (deleted.length === 0) throw notFound('Thủ tục không có trong danh mục liên thông.');
}
