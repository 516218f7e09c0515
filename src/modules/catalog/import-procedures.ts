import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { normalizeProcedure } from './import/normalize-procedure.ts';
import { searchColumns } from './procedures.ts';
import { procedureFlags, procedures } from './schema.ts';

export interface ImportResult {
  inserted: number;
  skipped: number;
  flags: number;
  /** Records that could not be read, with the reason; nothing of them was written. */
  rejected: { index: number; code: string | null; reason: string }[];
}

/**
 * Imports national-catalog records. New codes are inserted with their doubtful values flagged for review;
 * codes already present are left alone, so an administrator's corrections are never overwritten.
 * Each batch is one transaction: a crash loses at most the batch in progress, and a rerun resumes.
 */
export async function importProcedures(
  db: Db,
  records: unknown[],
  options: { publish: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void },
): Promise<ImportResult> {
  const result: ImportResult = { inserted: 0, skipped: 0, flags: 0, rejected: [] };
  const batchSize = options.batchSize ?? 50;
  for (let start = 0; start < records.length; start += batchSize) {
    const batch: ReturnType<typeof normalizeProcedure>[] = [];
    records.slice(start, start + batchSize).forEach((record, offset) => {
      try {
        batch.push(normalizeProcedure(record));
      } catch (error) {
        const code = (record as { code?: unknown })?.code;
        result.rejected.push({
          index: start + offset,
          code: typeof code === 'string' ? code : null,
          reason: error instanceof Error ? error.message.slice(0, 500) : String(error),
        });
      }
    });
    const existing = batch.length
      ? await db
          .select({ code: procedures.code })
          .from(procedures)
          .where(
            inArray(
              procedures.code,
              batch.map((p) => p.code),
            ),
          )
      : [];
    const known = new Set(existing.map((e) => e.code));
    const fresh = batch.filter(
      (p, i) => !known.has(p.code) && batch.findIndex((q) => q.code === p.code) === i,
    );
    result.skipped += batch.length - fresh.length;
    if (fresh.length) {
      await db.transaction(async (tx) => {
        const rows = await tx
          .insert(procedures)
          .values(
            fresh.map(({ flags: _flags, ...p }) => ({
              ...p,
              internalProcessIsDefault: true,
              published: options.publish,
              publishedAt: options.publish ? new Date() : null,
              ...searchColumns(p),
            })),
          )
          .returning({ id: procedures.id, code: procedures.code });
        const idByCode = new Map(rows.map((r) => [r.code, r.id]));
        const flags = fresh.flatMap((p) =>
          p.flags.map((f) => ({ ...f, procedureId: idByCode.get(p.code) as string })),
        );
        if (flags.length) await tx.insert(procedureFlags).values(flags);
        result.flags += flags.length;
      });
      result.inserted += fresh.length;
    }
    options.onProgress?.(Math.min(start + batchSize, records.length), records.length);
  }
  return result;
}
