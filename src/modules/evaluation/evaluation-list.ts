// The evaluations of a period (by the dossier's decision date) in the reader's scope, with the per-agency
// summary in the shape of Thanh Hóa's quarterly table (rules.md §1.5): counts per grade, average self-scored
// and appraised totals, and the shares of the rating levels given in the period (count ÷ rating forms).
import { and, avg, count, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { invalid } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { ratingSettingsOf } from '../ratings/rating-settings.ts';
import { dossierRatings } from '../ratings/schema.ts';
import { PeriodError, periodQueryFields, type ReportPeriod, resolvePeriod } from '../reports/periods.ts';
import { evaluationSettingsOf } from './evaluation-settings.ts';
import { reformUnitsOf } from './reform-scope.ts';
import { dossierEvaluations } from './schema.ts';

/** Rows listed at most (the summary always covers every evaluation of the period). */
export const MAX_LISTED = 1000;

export const evaluationListQuery = z.object({
  ...periodQueryFields,
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  format: z.enum(['json', 'xlsx'], 'Định dạng phải là json hoặc xlsx.').default('json'),
});
export type EvaluationListQuery = z.infer<typeof evaluationListQuery>;

const round1 = (v: string | number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

function periodOf(q: EvaluationListQuery): ReportPeriod {
  try {
    return resolvePeriod(q);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid(e.path, e.message);
    throw e;
  }
}

/** Which evaluations the principal reads: every one (administrator), their agencies', their reform units'. */
async function scopeWhere(db: Db, principal: Principal): Promise<SQL | undefined | false> {
  const scope = agencyScope(principal);
  if (scope === 'all') return undefined;
  const units = await reformUnitsOf(db, principal);
  const mine = [...scope];
  const parts: SQL[] = [];
  if (mine.length > 0)
    parts.push(
      inArray(dossierEvaluations.competentAgencyId, mine),
      inArray(dossierEvaluations.receivingAgencyId, mine),
    );
  if (units.size > 0) parts.push(inArray(dossierEvaluations.ownerUnitId, [...units]));
  return parts.length > 0 ? or(...parts) : false;
}

export async function listEvaluations(db: Db, principal: Principal, q: EvaluationListQuery) {
  const period = periodOf(q);
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + 24 * 3_600_000);
  const [settings, scale, scope] = await Promise.all([
    evaluationSettingsOf(db),
    ratingSettingsOf(db),
    scopeWhere(db, principal),
  ]);
  const bands = settings.bands.map((b) => ({ key: b.key, label: b.label, min: b.min }));
  const ratingLevels = scale.levels.map((l) => ({ key: l.key, label: l.label, satisfied: l.satisfied }));
  const empty = {
    period,
    bands,
    ratingLevels,
    items: [],
    total: 0,
    truncated: false,
    summary: { rows: [], totals: summaryRow(null, 'Tổng cộng', bands, [], null, 0, {}) },
  };
  if (scope === false) return empty;
  const where = and(
    gte(dossierEvaluations.resolvedAt, from),
    lt(dossierEvaluations.resolvedAt, end),
    scope,
    q.agencyId
      ? or(
          eq(dossierEvaluations.competentAgencyId, q.agencyId),
          eq(dossierEvaluations.receivingAgencyId, q.agencyId),
        )
      : undefined,
  );
  const e = dossierEvaluations;
  const [items, grouped, averages, overall] = await Promise.all([
    db
      .select({
        dossierId: e.dossierId,
        dossierCode: e.dossierCode,
        procedureCode: e.procedureCode,
        procedureName: e.procedureName,
        receivingAgencyId: e.receivingAgencyId,
        competentAgencyId: e.competentAgencyId,
        resolvedAt: e.resolvedAt,
        selfTotal: e.selfTotal,
        selfAt: e.selfAt,
        appraisedTotal: e.appraisedTotal,
        appraisedAt: e.appraisedAt,
        finalTotal: e.finalTotal,
        grade: e.grade,
      })
      .from(e)
      .where(where)
      .orderBy(desc(e.resolvedAt), e.dossierId)
      .limit(MAX_LISTED + 1),
    db
      .select({ agencyId: e.competentAgencyId, grade: e.grade, n: count() })
      .from(e)
      .where(where)
      .groupBy(e.competentAgencyId, e.grade),
    db
      .select({
        agencyId: e.competentAgencyId,
        n: count(),
        self: avg(e.selfTotal),
        appraised: avg(e.appraisedTotal),
        appraisedCount: count(e.appraisedAt),
        final: avg(e.finalTotal),
      })
      .from(e)
      .where(where)
      .groupBy(e.competentAgencyId),
    db
      .select({
        self: avg(e.selfTotal),
        appraised: avg(e.appraisedTotal),
        appraisedCount: count(e.appraisedAt),
        final: avg(e.finalTotal),
      })
      .from(e)
      .where(where),
  ]);
  const agencyIds = averages.map((a) => a.agencyId);
  const ratingRows = agencyIds.length
    ? await db
        .select({ agencyId: dossierRatings.competentAgencyId, level: dossierRatings.level, n: count() })
        .from(dossierRatings)
        .where(
          and(
            inArray(dossierRatings.competentAgencyId, agencyIds),
            gte(dossierRatings.ratedAt, from),
            lt(dossierRatings.ratedAt, end),
          ),
        )
        .groupBy(dossierRatings.competentAgencyId, dossierRatings.level)
    : [];
  const nameIds = [
    ...new Set([...agencyIds, ...items.flatMap((i) => [i.receivingAgencyId, i.competentAgencyId])]),
  ];
  const names = new Map(
    nameIds.length
      ? (
          await db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(inArray(agencies.id, nameIds))
        ).map((a) => [a.id, a.name])
      : [],
  );
  const gradeLabel = new Map(bands.map((b) => [b.key, b.label]));
  const rows = averages
    .map((a) =>
      summaryRow(
        a.agencyId,
        names.get(a.agencyId) ?? '',
        bands,
        grouped.filter((g) => g.agencyId === a.agencyId),
        a,
        a.n,
        Object.fromEntries(ratingRows.filter((r) => r.agencyId === a.agencyId).map((r) => [r.level, r.n])),
      ),
    )
    .sort((x, y) => x.agencyName.localeCompare(y.agencyName, 'vi'));
  const allRatings: Record<string, number> = {};
  for (const r of ratingRows) allRatings[r.level] = (allRatings[r.level] ?? 0) + r.n;
  const totalCount = rows.reduce((sum, r) => sum + r.evaluated, 0);
  return {
    period,
    bands,
    ratingLevels,
    total: totalCount,
    truncated: items.length > MAX_LISTED,
    items: items.slice(0, MAX_LISTED).map((i) => ({
      ...i,
      receivingAgencyName: names.get(i.receivingAgencyId) ?? '',
      competentAgencyName: names.get(i.competentAgencyId) ?? '',
      gradeLabel: gradeLabel.get(i.grade) ?? i.grade,
      status: i.appraisedAt ? ('appraised' as const) : ('self_scored' as const),
    })),
    summary: {
      rows,
      totals: summaryRow(null, 'Tổng cộng', bands, grouped, overall[0] ?? null, totalCount, allRatings),
    },
  };
}

interface Averages {
  self: string | null;
  appraised: string | null;
  appraisedCount: number;
  final: string | null;
}

function summaryRow(
  agencyId: string | null,
  agencyName: string,
  bands: { key: string }[],
  grades: { grade: string; n: number }[],
  averages: Averages | null,
  evaluated: number,
  ratings: Record<string, number>,
) {
  const byGrade: Record<string, number> = Object.fromEntries(bands.map((b) => [b.key, 0]));
  for (const g of grades) byGrade[g.grade] = (byGrade[g.grade] ?? 0) + g.n;
  const forms = Object.values(ratings).reduce((sum, n) => sum + n, 0);
  return {
    agencyId,
    agencyName,
    evaluated,
    appraised: averages?.appraisedCount ?? 0,
    byGrade,
    averageSelf: round1(averages?.self ?? null),
    averageAppraised: round1(averages?.appraised ?? null),
    averageFinal: round1(averages?.final ?? null),
    ratings: {
      forms,
      byLevel: Object.fromEntries(
        Object.entries(ratings).map(([level, n]) => [level, { count: n, share: forms ? n / forms : 0 }]),
      ),
    },
  };
}

export type EvaluationList = Awaited<ReturnType<typeof listEvaluations>>;
