// The evaluation settings row (id = 1): grade bands and scoring options, created with the defaults on first use.
// Saving new bands re-grades every stored evaluation in the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import {
  DEFAULT_EVALUATION_RULES,
  DEFAULT_GRADE_BANDS,
  type EvaluationRules,
  type GradeBand,
  sortedBands,
} from './grade.ts';
import { dossierEvaluations, evaluationSettings } from './schema.ts';

const SETTINGS_ID = 1;

export interface EvaluationSettings {
  bands: GradeBand[];
  rules: EvaluationRules;
}

export async function evaluationSettingsOf(db: DbOrTx): Promise<EvaluationSettings> {
  const read = () =>
    db
      .select({ bands: evaluationSettings.bands, rules: evaluationSettings.rules })
      .from(evaluationSettings)
      .where(eq(evaluationSettings.id, SETTINGS_ID));
  const [row] = await read();
  if (row) return { bands: sortedBands(row.bands), rules: { ...DEFAULT_EVALUATION_RULES, ...row.rules } };
  await db
    .insert(evaluationSettings)
    .values({ id: SETTINGS_ID, bands: [...DEFAULT_GRADE_BANDS], rules: { ...DEFAULT_EVALUATION_RULES } })
    .onConflictDoNothing();
  const [created] = await read();
  if (!created) throw new Error('evaluation settings row missing after insert');
  return { bands: sortedBands(created.bands), rules: { ...DEFAULT_EVALUATION_RULES, ...created.rules } };
}

/** SQL that grades `final_total` with the given bands (highest threshold first). */
export function gradeSql(bands: readonly GradeBand[]) {
  const sorted = sortedBands(bands);
  const cases = sql.join(
    sorted.map((b) => sql`when ${dossierEvaluations.finalTotal} >= ${b.min} then ${b.key}`),
    sql` `,
  );
  return sql`case ${cases} else ${sorted[sorted.length - 1]?.key ?? ''} end`;
}

export async function saveEvaluationSettings(
  db: Db,
  settings: EvaluationSettings,
  userId: string,
): Promise<void> {
  await evaluationSettingsOf(db);
  await db.transaction(async (tx) => {
    await tx
      .update(evaluationSettings)
      .set({
        bands: sortedBands(settings.bands),
        rules: settings.rules,
        updatedAt: sql`now()`,
        updatedBy: userId,
      })
      .where(eq(evaluationSettings.id, SETTINGS_ID));
    // Grades follow the bands in force; the version is not bumped (no score changed).
    await tx.update(dossierEvaluations).set({ grade: sql`${gradeSql(settings.bands)}` });
  });
}
