// Survey templates and their versions: editable until a round uses them, then an edit makes a new version.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { surveyRounds, surveyTemplates } from './schema.ts';
import type { TemplateContent } from './survey-model.ts';
import { templateProblems } from './template-rules.ts';

export type TemplateRow = typeof surveyTemplates.$inferSelect;

export function templateView(row: TemplateRow) {
  return {
    id: row.id,
    familyId: row.familyId,
    version: row.version,
    frozen: row.frozenAt !== null,
    ...row.content,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type TemplateView = ReturnType<typeof templateView>;

function checkContent(content: TemplateContent): void {
  const problems = templateProblems(content);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join(' '));
}

export async function loadTemplate(db: DbOrTx, id: string): Promise<TemplateRow> {
  const [row] = await db.select().from(surveyTemplates).where(eq(surveyTemplates.id, id));
  if (!row) throw notFound('Không tìm thấy mẫu phiếu khảo sát.');
  return row;
}

/** The latest version of every template, newest first, with how many rounds use each family. */
export async function listTemplates(db: Db) {
  const rows = await db
    .selectDistinctOn([surveyTemplates.familyId])
    .from(surveyTemplates)
    .orderBy(surveyTemplates.familyId, desc(surveyTemplates.version));
  const uses = await db
    .select({ familyId: surveyTemplates.familyId, rounds: sql<number>`count(${surveyRounds.id})::int` })
    .from(surveyRounds)
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, surveyRounds.templateId))
    .groupBy(surveyTemplates.familyId);
  const used = new Map(uses.map((u) => [u.familyId, u.rounds]));
  return rows
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .map((r) => ({
      id: r.id,
      familyId: r.familyId,
      version: r.version,
      name: r.content.name,
      frozen: r.frozenAt !== null,
      questions: r.content.sections.reduce((n, s) => n + s.questions.length, 0),
      rounds: used.get(r.familyId) ?? 0,
      updatedAt: r.updatedAt,
    }));
}

export async function createTemplate(db: Db, content: TemplateContent, userId: string) {
  checkContent(content);
  const [row] = await db
    .insert(surveyTemplates)
    .values({ familyId: randomUUID(), version: 1, content, createdBy: userId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return templateView(row);
}

/**
 * Saves an edit. A version no round uses is changed in place; a frozen one is kept as it is (its rounds and
 * answers refer to it) and the edit becomes the family's next version. Only the latest version can be edited.
 */
export async function updateTemplate(db: Db, id: string, content: TemplateContent, userId: string) {
  checkContent(content);
  return db.transaction(async (tx) => {
    const current = await loadTemplate(tx, id);
    const [latest] = await tx
      .select({ version: surveyTemplates.version })
      .from(surveyTemplates)
      .where(eq(surveyTemplates.familyId, current.familyId))
      .orderBy(desc(surveyTemplates.version))
      .limit(1);
    if (latest && latest.version !== current.version)
      throw new AppError(
        'CONFLICT',
        `Mẫu phiếu đã có phiên bản mới hơn (phiên bản ${latest.version}); vui lòng sửa phiên bản đó.`,
      );
    if (current.frozenAt === null) {
      const [row] = await tx
        .update(surveyTemplates)
        .set({ content, updatedAt: sql`now()` })
        .where(and(eq(surveyTemplates.id, id), sql`${surveyTemplates.frozenAt} is null`))
        .returning();
      if (row) return { template: templateView(row), newVersion: false };
    }
    const [row] = await tx
      .insert(surveyTemplates)
      .values({ familyId: current.familyId, version: current.version + 1, content, createdBy: userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return { template: templateView(row), newVersion: true };
  });
}

/** Marks a version as used by a round (idempotent). */
export async function freezeTemplate(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(surveyTemplates)
    .set({ frozenAt: sql`now()` })
    .where(and(eq(surveyTemplates.id, id), sql`${surveyTemplates.frozenAt} is null`));
}
