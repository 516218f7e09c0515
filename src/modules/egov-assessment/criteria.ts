import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { CreateCriterionInput, UpdateCriterionInput } from './egov.types.ts';
import { egovAssessmentValues, egovCriteria } from './schema.ts';

// The yearly criteria list: kept by the reform office, copied from last year to start a new one.

export type CriterionRow = typeof egovCriteria.$inferSelect;
export const staleMessage = 'Dữ liệu vừa được người khác cập nhật; vui lòng tải lại trang.';

export async function listCriteria(db: Db, year: number): Promise<CriterionRow[]> {
  return db.select().from(egovCriteria).where(eq(egovCriteria.year, year)).orderBy(asc(egovCriteria.ordinal));
}

async function loadCriterion(db: Db, id: string) {
  const [row] = await db.select().from(egovCriteria).where(eq(egovCriteria.id, id));
  if (!row) throw notFound('Không tìm thấy tiêu chí.');
  return row;
}

async function checkCode(db: Db, year: number, code: string, except?: string) {
  const [dup] = await db
    .select({ id: egovCriteria.id })
    .from(egovCriteria)
    .where(and(eq(egovCriteria.year, year), eq(egovCriteria.code, code)));
  if (dup && dup.id !== except) throw conflict(`Năm ${year} đã có tiêu chí số ${code}.`);
}

export async function createCriterion(db: Db, input: CreateCriterionInput) {
  await checkCode(db, input.year, input.code);
  const [{ next } = { next: 1 }] = await db
    .select({ next: sql<number>`coalesce(max(${egovCriteria.ordinal}), 0) + 1`.mapWith(Number) })
    .from(egovCriteria)
    .where(eq(egovCriteria.year, input.year));
  const [row] = await db
    .insert(egovCriteria)
    .values({
      ...input,
      source: input.kind === 'system' ? (input.source ?? null) : null,
      maxLevel: input.kind === 'level' ? (input.maxLevel ?? 4) : null,
      note: input.note ?? null,
      ordinal: next,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateCriterion(db: Db, id: string, input: UpdateCriterionInput) {
  const current = await loadCriterion(db, id);
  const { version, ...changes } = input;
  if (version !== current.version) throw conflict(staleMessage);
  const kind = changes.kind ?? current.kind;
  const source = changes.source !== undefined ? changes.source : current.source;
  if ((kind === 'system') !== Boolean(source))
    throw new AppError(
      'VALIDATION',
      'Tiêu chí lấy số liệu hệ thống phải chọn nguồn số liệu; tiêu chí khác không có nguồn.',
      [{ path: 'source', message: 'Nguồn số liệu không phù hợp với loại tiêu chí.' }],
    );
  if (changes.code) await checkCode(db, current.year, changes.code, current.id);
  const [row] = await db
    .update(egovCriteria)
    .set({ ...changes, version: current.version + 1 })
    .where(and(eq(egovCriteria.id, id), eq(egovCriteria.version, current.version)))
    .returning();
  if (!row) throw conflict(staleMessage);
  return row;
}

export async function deleteCriterion(db: Db, id: string) {
  await loadCriterion(db, id);
  const [used] = await db
    .select({ id: egovAssessmentValues.criterionId })
    .from(egovAssessmentValues)
    .where(eq(egovAssessmentValues.criterionId, id))
    .limit(1);
  if (used) throw new AppError('RULE', 'Tiêu chí đã có cơ quan đánh giá, không xóa được.');
  await db.delete(egovCriteria).where(eq(egovCriteria.id, id));
}

/** Copies last year's list (or any year's) into a year that has none yet. */
export async function copyCriteria(db: Db, fromYear: number, toYear: number) {
  if (fromYear === toYear)
    throw new AppError('VALIDATION', 'Năm nguồn và năm đích phải khác nhau.', [
      { path: 'toYear', message: 'Năm nguồn và năm đích phải khác nhau.' },
    ]);
  const source = await listCriteria(db, fromYear);
  if (source.length === 0) throw new AppError('RULE', `Năm ${fromYear} chưa có bộ tiêu chí để sao chép.`);
  const existing = await listCriteria(db, toYear);
  if (existing.length > 0) throw conflict(`Năm ${toYear} đã có bộ tiêu chí.`);
  await db
    .insert(egovCriteria)
    .values(source.map(({ id: _id, version: _v, year: _y, ...c }) => ({ ...c, year: toYear })));
  return listCriteria(db, toYear);
}
