// One dossier's evaluation: the live suggestions from its records, the stored self-score and appraisal, and
// the two saves with optimistic concurrency on `version` (0 = no evaluation yet).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { procedures } from '../catalog/schema.ts';
import { agenciesOf, canSeeDossier } from '../dossier/dossier-access.ts';
import { RESOLVED_STATES, STATE_LABELS } from '../dossier/lifecycle/states.ts';
import { dossierEvents, dossiers } from '../dossier/schema.ts';
import { agencies } from '../org/schema.ts';
import { dossierRatings } from '../ratings/schema.ts';
import { canAppraise, canSelfScore } from './evaluation-access.ts';
import { evaluationSettingsOf } from './evaluation-settings.ts';
import { gradeOf } from './grade.ts';
import {
  INDICATOR_LABELS,
  type IndicatorNotes,
  type IndicatorScores,
  indicatorKeys,
  MAX_TOTAL,
  type Suggestion,
  totalOf,
} from './indicators.ts';
import { reformUnitsOf } from './reform-scope.ts';
import { dossierEvaluations } from './schema.ts';
import { suggestScores } from './suggest.ts';

export interface ScoreInput {
  version: number;
  scores: IndicatorScores;
  notes?: IndicatorNotes | undefined;
}

type DossierRow = typeof dossiers.$inferSelect;
type EvaluationRow = typeof dossierEvaluations.$inferSelect;

const staleEvaluation = () =>
  conflict('Phiếu đánh giá vừa được người khác cập nhật. Vui lòng tải lại để xem điểm mới nhất.');
const notEvaluable = (state: string) =>
  `Chỉ đánh giá được hồ sơ đã giải quyết xong hoặc đã trả kết quả; hồ sơ đang ở trạng thái «${STATE_LABELS[state as keyof typeof STATE_LABELS] ?? state}».`;

interface Loaded {
  row: DossierRow;
  evaluation: EvaluationRow | undefined;
  reformUnits: Set<string>;
}

/** The dossier and its evaluation, if the principal may read them (else 404, whether or not it exists). */
async function load(db: Db, principal: Principal, id: string): Promise<Loaded> {
  const [[row], reformUnits] = await Promise.all([
    db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1),
    reformUnitsOf(db, principal),
  ]);
  const visible =
    row &&
    (canSeeDossier(principal, row.snapshot) || isGlobalAdmin(principal) || reformUnits.has(row.ownerUnitId));
  if (!row || !visible) throw notFound('Không tìm thấy hồ sơ.');
  const [evaluation] = await db
    .select()
    .from(dossierEvaluations)
    .where(and(eq(dossierEvaluations.ownerUnitId, row.ownerUnitId), eq(dossierEvaluations.dossierId, id)));
  return { row, evaluation, reformUnits };
}

/** The nine suggestions from the dossier's records (events, catalog, rating, agencies, calendar, options). */
async function suggestionsFor(db: Db, row: DossierRow): Promise<Suggestion[]> {
  const s = row.snapshot;
  const [events, [procedure], [rating], calendar, settings] = await Promise.all([
    db
      .select({
        action: dossierEvents.action,
        actorAgencyId: dossierEvents.actorAgencyId,
        data: dossierEvents.data,
      })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.ownerUnitId, row.ownerUnitId), eq(dossierEvents.dossierId, row.id))),
    db.select().from(procedures).where(eq(procedures.id, row.procedureId)),
    db
      .select({ levelLabel: dossierRatings.levelLabel, satisfied: dossierRatings.satisfied })
      .from(dossierRatings)
      .where(and(eq(dossierRatings.ownerUnitId, row.ownerUnitId), eq(dossierRatings.dossierId, row.id))),
    workingCalendar(db),
    evaluationSettingsOf(db),
  ]);
  const ids = new Set([
    ...agenciesOf(s),
    ...events.flatMap((e) => (e.actorAgencyId ? [e.actorAgencyId] : [])),
  ]);
  const agencyRows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
  return suggestScores(
    {
      snapshot: s,
      events,
      rating: rating ?? null,
      agencies: new Map(agencyRows.map((a) => [a.id, { name: a.name, kind: a.kind }])),
      procedure: {
        published: procedure?.published ?? false,
        hasRequiredDocuments: (procedure?.requiredDocuments.length ?? 0) > 0,
        hasProcessingTime: procedure?.processingTimeValue != null && procedure.processingTimeUnit != null,
        hasLegalBasis: (procedure?.legalBasis.length ?? 0) > 0,
        hasFee: procedure?.feeText != null || procedure?.feeAmountVnd != null,
        onlineMode: procedure?.onlineMode ?? 'none',
      },
    },
    calendar,
    settings.rules,
  );
}

async function agencyNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Everything the evaluation card shows. */
export async function viewEvaluation(db: Db, principal: Principal, id: string) {
  const { row, evaluation, reformUnits } = await load(db, principal, id);
  const evaluable = RESOLVED_STATES.has(row.snapshot.state);
  const [suggestions, names, settings] = await Promise.all([
    evaluable ? suggestionsFor(db, row) : Promise.resolve(evaluation?.suggestions ?? []),
    agencyNames(db, [row.receivingAgencyId, row.competentAgencyId]),
    evaluationSettingsOf(db),
  ]);
  const byKey = new Map(suggestions.map((x) => [x.indicator, x]));
  const gradeLabel = (key: string) => settings.bands.find((b) => b.key === key)?.label ?? key;
  return {
    dossier: {
      id: row.id,
      code: row.code,
      procedureCode: row.procedureCode,
      procedureName: row.procedureName,
      state: row.state,
      stateLabel: STATE_LABELS[row.snapshot.state],
      receivingAgency: { id: row.receivingAgencyId, name: names.get(row.receivingAgencyId) ?? '' },
      competentAgency: { id: row.competentAgencyId, name: names.get(row.competentAgencyId) ?? '' },
      resolvedAt: row.resolvedAt,
      returnedAt: row.returnedAt,
    },
    evaluable,
    notEvaluableReason: evaluable ? null : notEvaluable(row.state),
    maxTotal: MAX_TOTAL,
    version: evaluation?.version ?? 0,
    suggestedTotal: suggestions.reduce((sum, x) => sum + (x.points ?? 0), 0),
    indicators: indicatorKeys.map((key) => {
      const suggestion = byKey.get(key);
      return {
        key,
        label: INDICATOR_LABELS[key],
        suggestion: suggestion
          ? { points: suggestion.points, source: suggestion.source, reason: suggestion.reason }
          : null,
        selfScore: evaluation?.selfScores?.[key] ?? null,
        selfNote: evaluation?.selfNotes?.[key] ?? null,
        appraisedScore: evaluation?.appraisedScores?.[key] ?? null,
        appraisedNote: evaluation?.appraisedNotes?.[key] ?? null,
      };
    }),
    evaluation: evaluation
      ? {
          selfTotal: evaluation.selfTotal,
          selfByName: evaluation.selfByName,
          selfAt: evaluation.selfAt,
          appraisedTotal: evaluation.appraisedTotal,
          appraisedByName: evaluation.appraisedByName,
          appraisedAt: evaluation.appraisedAt,
          finalTotal: evaluation.finalTotal,
          grade: { key: evaluation.grade, label: gradeLabel(evaluation.grade) },
        }
      : null,
    canSelfScore: evaluable && !evaluation?.appraisedAt && canSelfScore(principal, row),
    canAppraise: evaluable && Boolean(evaluation?.selfAt) && canAppraise(principal, row, reformUnits),
  };
}

const cleanNotes = (notes: IndicatorNotes | undefined): IndicatorNotes =>
  Object.fromEntries(Object.entries(notes ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));

/** The agency's self-score (head of office or leader of the receiving or competent agency). */
export async function saveSelfScore(db: Db, principal: Principal, id: string, input: ScoreInput) {
  const { row, evaluation } = await load(db, principal, id);
  if (!RESOLVED_STATES.has(row.snapshot.state)) throw new AppError('RULE', notEvaluable(row.state));
  if (!canSelfScore(principal, row))
    throw forbidden(
      'Chỉ trưởng phòng hoặc lãnh đạo của cơ quan tiếp nhận hoặc cơ quan giải quyết hồ sơ được tự chấm điểm.',
    );
  if (evaluation?.appraisedAt)
    throw new AppError('RULE', 'Hồ sơ đã được thẩm định điểm nên không thể sửa điểm tự chấm.');
  if ((evaluation?.version ?? 0) !== input.version) throw staleEvaluation();
  const [suggestions, settings] = await Promise.all([suggestionsFor(db, row), evaluationSettingsOf(db)]);
  const total = totalOf(input.scores);
  const fields = {
    suggestions,
    selfScores: input.scores,
    selfNotes: cleanNotes(input.notes),
    selfTotal: total,
    selfBy: principal.userId,
    selfByName: principal.fullName,
    selfAt: new Date(),
    finalTotal: total,
    grade: gradeOf(total, settings.bands).key,
    updatedAt: new Date(),
  };
  if (!evaluation) {
    const inserted = await db
      .insert(dossierEvaluations)
      .values({
        ownerUnitId: row.ownerUnitId,
        dossierId: row.id,
        dossierCode: row.code,
        procedureCode: row.procedureCode,
        procedureName: row.procedureName,
        receivingAgencyId: row.receivingAgencyId,
        competentAgencyId: row.competentAgencyId,
        resolvedAt: row.resolvedAt ?? new Date(),
        version: 1,
        ...fields,
      })
      .onConflictDoNothing()
      .returning({ version: dossierEvaluations.version });
    if (inserted.length === 0) throw staleEvaluation();
  } else {
    await updateAtVersion(db, evaluation, input.version, fields);
  }
  return viewEvaluation(db, principal, id);
}

/** The reform office's appraisal (or an administrator's), after the agency's self-score. */
export async function saveAppraisal(db: Db, principal: Principal, id: string, input: ScoreInput) {
  const { row, evaluation, reformUnits } = await load(db, principal, id);
  if (!RESOLVED_STATES.has(row.snapshot.state)) throw new AppError('RULE', notEvaluable(row.state));
  if (!canAppraise(principal, row, reformUnits))
    throw forbidden(
      'Chỉ cán bộ cải cách hành chính (Phòng Nội vụ) hoặc quản trị hệ thống được thẩm định điểm.',
    );
  if (!evaluation?.selfAt)
    throw new AppError('RULE', 'Cơ quan chưa tự chấm điểm hồ sơ này nên chưa thể thẩm định.');
  if (evaluation.version !== input.version) throw staleEvaluation();
  const settings = await evaluationSettingsOf(db);
  const total = totalOf(input.scores);
  await updateAtVersion(db, evaluation, input.version, {
    appraisedScores: input.scores,
    appraisedNotes: cleanNotes(input.notes),
    appraisedTotal: total,
    appraisedBy: principal.userId,
    appraisedByName: principal.fullName,
    appraisedAt: new Date(),
    finalTotal: total,
    grade: gradeOf(total, settings.bands).key,
    updatedAt: new Date(),
  });
  return viewEvaluation(db, principal, id);
}

/** One UPDATE that matches only the version read: a concurrent save gets 409 and nothing is written. */
async function updateAtVersion(
  db: Db,
  evaluation: EvaluationRow,
  version: number,
  fields: Partial<typeof dossierEvaluations.$inferInsert>,
) {
  const updated = await db
    .update(dossierEvaluations)
    .set({ ...fields, version: sql`${dossierEvaluations.version} + 1` })
    .where(
      and(
        eq(dossierEvaluations.ownerUnitId, evaluation.ownerUnitId),
        eq(dossierEvaluations.dossierId, evaluation.dossierId),
        eq(dossierEvaluations.version, version),
      ),
    )
    .returning({ version: dossierEvaluations.version });
  if (updated.length === 0) throw staleEvaluation();
}
