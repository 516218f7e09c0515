import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { type CriterionRow, listCriteria, staleMessage } from './criteria.ts';
import type { OpenAssessmentInput, ReviewInput, SaveValuesInput } from './egov.types.ts';
import { canFill, isEgovManager, requireEgovManager, requireFill } from './egov-access.ts';
import { egovAssessments, egovAssessmentValues } from './schema.ts';
import { gaps, type ScoredCriterion, score, valueProblem } from './scoring.ts';
import { type SystemFigures, sourceLabel, systemFigures } from './system-figures.ts';

// Self-assessments: opened by an agency (its own) or by the reform office (any agency, and the unit as a whole),
// filled with the system's figures and entered values with evidence, submitted, then accepted or returned by
// the reform office. The result is the score and the list of gaps.

export type AssessmentRow = typeof egovAssessments.$inferSelect;

export async function loadAssessment(db: Db, id: string): Promise<AssessmentRow> {
  const [row] = await db.select().from(egovAssessments).where(eq(egovAssessments.id, id)).limit(1);
  if (!row) throw notFound('Không tìm thấy bản tự đánh giá.');
  return row;
}

const applies = (c: CriterionRow, a: { agencyId: string | null }) => (a.agencyId ? c.forAgencies : c.forUnit);
const editable = (a: AssessmentRow) => a.status === 'draft' || a.status === 'returned';

async function storedValues(db: Db, a: AssessmentRow) {
  const rows = await db
    .select()
    .from(egovAssessmentValues)
    .where(
      and(eq(egovAssessmentValues.ownerUnitId, a.ownerUnitId), eq(egovAssessmentValues.assessmentId, a.id)),
    );
  return new Map(rows.map((r) => [r.criterionId, r]));
}

async function subjectName(db: Db, a: { agencyId: string | null; ownerUnitId: string }) {
  if (a.agencyId) {
    const [agency] = await db
      .select({ name: agencies.name })
      .from(agencies)
      .where(eq(agencies.id, a.agencyId));
    return agency?.name ?? '';
  }
  const [unit] = await db
    .select({ name: adminUnits.name })
    .from(adminUnits)
    .where(eq(adminUnits.id, a.ownerUnitId));
  return `${unit?.name ?? ''} (toàn đơn vị)`;
}

/** The criteria with their values: live system figures while the assessment is open, frozen once submitted. */
async function scoredRows(db: Db, principal: Principal, a: AssessmentRow, now: Date) {
  const criteria = (await listCriteria(db, a.year)).filter((c) => applies(c, a));
  const values = await storedValues(db, a);
  const live: SystemFigures | null =
    editable(a) && criteria.some((c) => c.kind === 'system')
      ? await systemFigures(db, principal, { unitId: a.ownerUnitId, agencyId: a.agencyId }, a.year, now)
      : null;
  return criteria.map((c) => {
    const stored = values.get(c.id);
    const system = c.kind === 'system' && c.source ? live?.[c.source] : undefined;
    const value = system ? system.value : (stored?.value ?? null);
    return {
      id: c.id,
      code: c.code,
      groupName: c.groupName,
      title: c.title,
      kind: c.kind,
      source: c.source,
      sourceLabel: c.source ? sourceLabel[c.source] : null,
      systemDetail: system?.detail ?? null,
      unit: c.unit,
      target: c.target,
      weight: c.weight,
      maxLevel: c.maxLevel,
      note: c.note,
      value,
      evidence: stored?.evidence ?? null,
    };
  });
}

export async function assessmentView(db: Db, principal: Principal, id: string, now = new Date()) {
  const a = await loadAssessment(db, id);
  requireFill(principal, a.agencyId);
  const rows = await scoredRows(db, principal, a, now);
  const scored: ScoredCriterion[] = rows;
  const manager = isEgovManager(principal);
  return {
    id: a.id,
    year: a.year,
    unitId: a.ownerUnitId,
    agencyId: a.agencyId,
    subjectName: await subjectName(db, a),
    status: a.status,
    reviewNote: a.reviewNote,
    submittedAt: a.submittedAt,
    submittedByName: a.submittedByName,
    reviewedAt: a.reviewedAt,
    reviewedByName: a.reviewedByName,
    version: a.version,
    canEdit: editable(a),
    canReview: manager && a.status === 'submitted',
    criteria: rows,
    score: score(scored),
    gaps: gaps(scored),
  };
}

/** The assessments of a year the officer sees, and the agencies they may still open one for. */
export async function listAssessments(db: Db, principal: Principal, year: number) {
  const manager = isEgovManager(principal);
  const scope = agencyScope(principal);
  const rows = await db
    .select({
      id: egovAssessments.id,
      ownerUnitId: egovAssessments.ownerUnitId,
      agencyId: egovAssessments.agencyId,
      status: egovAssessments.status,
      submittedAt: egovAssessments.submittedAt,
      reviewedAt: egovAssessments.reviewedAt,
      agencyName: agencies.name,
      unitName: adminUnits.name,
    })
    .from(egovAssessments)
    .innerJoin(adminUnits, eq(adminUnits.id, egovAssessments.ownerUnitId))
    .leftJoin(agencies, eq(agencies.id, egovAssessments.agencyId))
    .where(eq(egovAssessments.year, year))
    .orderBy(asc(adminUnits.name), asc(agencies.name));
  const visible = rows.filter((r) => canFill(principal, r.agencyId));
  const mine =
    scope === 'all'
      ? []
      : scope.size
        ? await db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(inArray(agencies.id, [...scope]))
        : [];
  const criteriaCount = (await listCriteria(db, year)).length;
  return {
    year,
    canManage: manager,
    criteriaCount,
    items: visible.map(({ ownerUnitId, agencyName, unitName, ...r }) => ({
      ...r,
      unitId: ownerUnitId,
      subjectName: agencyName ?? `${unitName} (toàn đơn vị)`,
    })),
    myAgencies: mine.filter((m) => !visible.some((v) => v.agencyId === m.id)),
  };
}

/** Opens (or finds) the year's self-assessment of an agency, or of a unit as a whole (reform office only). */
export async function openAssessment(
  db: Db,
  principal: Principal,
  input: OpenAssessmentInput,
  now = new Date(),
) {
  let unitId: string;
  if (input.agencyId) {
    requireFill(principal, input.agencyId);
    const [agency] = await db
      .select({ unitId: agencies.unitId })
      .from(agencies)
      .where(eq(agencies.id, input.agencyId));
    if (!agency) throw invalid('agencyId', 'Cơ quan không tồn tại.');
    unitId = agency.unitId;
  } else {
    requireEgovManager(principal);
    const [unit] = await db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(eq(adminUnits.id, input.unitId ?? ''));
    if (!unit) throw invalid('unitId', 'Đơn vị hành chính không tồn tại.');
    unitId = unit.id;
  }
  if ((await listCriteria(db, input.year)).length === 0)
    throw new AppError('RULE', `Năm ${input.year} chưa có bộ tiêu chí đánh giá chính quyền điện tử.`);
  const subjectKey = input.agencyId ?? 'unit';
  const [created] = await db
    .insert(egovAssessments)
    .values({
      ownerUnitId: unitId,
      year: input.year,
      agencyId: input.agencyId ?? null,
      subjectKey,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(egovAssessments)
    .where(
      and(
        eq(egovAssessments.ownerUnitId, unitId),
        eq(egovAssessments.year, input.year),
        eq(egovAssessments.subjectKey, subjectKey),
      ),
    );
  if (!existing) throw conflict(staleMessage);
  return existing;
}

async function bump(db: Db, a: AssessmentRow, set: Partial<AssessmentRow>, now: Date) {
  const [row] = await db
    .update(egovAssessments)
    .set({ ...set, version: a.version + 1, updatedAt: now })
    .where(
      and(
        eq(egovAssessments.ownerUnitId, a.ownerUnitId),
        eq(egovAssessments.id, a.id),
        eq(egovAssessments.version, a.version),
      ),
    )
    .returning();
  if (!row) throw conflict(staleMessage);
  return row;
}

async function upsertValues(
  db: Db,
  a: AssessmentRow,
  values: { criterionId: string; value: number | null; evidence?: string | null | undefined }[],
  now: Date,
) {
  if (values.length === 0) return;
  await db
    .insert(egovAssessmentValues)
    .values(
      values.map((v) => ({
        ownerUnitId: a.ownerUnitId,
        assessmentId: a.id,
        criterionId: v.criterionId,
        value: v.value,
        evidence: v.evidence ?? null,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [
        egovAssessmentValues.ownerUnitId,
        egovAssessmentValues.assessmentId,
        egovAssessmentValues.criterionId,
      ],
      set: {
        value: sqlExcluded('value'),
        evidence: sqlExcluded('evidence'),
        updatedAt: now,
      },
    });
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

export async function saveValues(
  db: Db,
  principal: Principal,
  id: string,
  input: SaveValuesInput,
  now = new Date(),
) {
  const a = await loadAssessment(db, id);
  requireFill(principal, a.agencyId);
  if (!editable(a))
    throw new AppError('RULE', 'Bản tự đánh giá đã gửi, không sửa được (chờ thẩm định hoặc đã thẩm định).');
  if (input.version !== a.version) throw conflict(staleMessage);
  const criteria = new Map(
    (await listCriteria(db, a.year)).filter((c) => applies(c, a)).map((c) => [c.id, c]),
  );
  input.values.forEach((v, i) => {
    const c = criteria.get(v.criterionId);
    if (!c) throw invalid(`values.${i}.criterionId`, 'Tiêu chí không thuộc bộ tiêu chí của năm đánh giá.');
    const problem = c.kind === 'system' ? null : valueProblem(c, v.value);
    if (problem) throw invalid(`values.${i}.value`, `Tiêu chí ${c.code}: ${problem}`);
  });
  const entered = input.values.filter((v) => criteria.get(v.criterionId)?.kind !== 'system');
  const evidenceOnly = input.values
    .filter((v) => criteria.get(v.criterionId)?.kind === 'system')
    .map((v) => ({ ...v, value: null }));
  return db.transaction(async (tx) => {
    const updated = await bump(tx, a, {}, now);
    await upsertValues(tx, a, [...entered, ...evidenceOnly], now);
    return updated;
  });
}

export async function submitAssessment(
  db: Db,
  principal: Principal,
  id: string,
  version: number,
  now = new Date(),
) {
  const a = await loadAssessment(db, id);
  requireFill(principal, a.agencyId);
  if (!editable(a)) throw new AppError('RULE', 'Bản tự đánh giá đã được gửi.');
  if (version !== a.version) throw conflict(staleMessage);
  const rows = await scoredRows(db, principal, a, now);
  const missing = rows.filter((r) => r.kind !== 'system' && r.value === null);
  if (missing.length > 0)
    throw new AppError(
      'RULE',
      `Vui lòng nhập giá trị cho các tiêu chí: ${missing.map((m) => m.code).join(', ')} trước khi gửi.`,
    );
  // The system's figures are frozen as they were at submission (with whatever evidence note was entered).
  const system = rows
    .filter((r) => r.kind === 'system')
    .map((r) => ({ criterionId: r.id, value: r.value, evidence: r.evidence ?? r.systemDetail }));
  return db.transaction(async (tx) => {
    const updated = await bump(
      tx,
      a,
      { status: 'submitted', submittedAt: now, submittedByName: principal.fullName },
      now,
    );
    await upsertValues(tx, a, system, now);
    return updated;
  });
}

export async function reviewAssessment(
  db: Db,
  principal: Principal,
  id: string,
  input: ReviewInput,
  now = new Date(),
) {
  requireEgovManager(principal);
  const a = await loadAssessment(db, id);
  if (a.status !== 'submitted') throw new AppError('RULE', 'Chỉ thẩm định bản tự đánh giá đã gửi.');
  if (input.version !== a.version) throw conflict(staleMessage);
  if (input.decision === 'return' && !input.note)
    throw invalid('note', 'Vui lòng ghi lý do trả lại để cơ quan bổ sung.');
  return bump(
    db,
    a,
    {
      status: input.decision === 'accept' ? 'reviewed' : 'returned',
      reviewNote: input.note ?? null,
      reviewedAt: now,
      reviewedByName: principal.fullName,
    },
    now,
  );
}

/** The gap list of a year: every submitted or reviewed assessment with its score and criteria below target. */
export async function gapOverview(db: Db, principal: Principal, year: number, now = new Date()) {
  requireEgovManager(principal);
  const list = await db
    .select()
    .from(egovAssessments)
    .where(and(eq(egovAssessments.year, year), inArray(egovAssessments.status, ['submitted', 'reviewed'])));
  const subjects = [];
  for (const a of list) {
    const rows = await scoredRows(db, principal, a, now);
    subjects.push({
      assessmentId: a.id,
      agencyId: a.agencyId,
      isUnit: a.agencyId === null,
      subjectName: await subjectName(db, a),
      status: a.status,
      score: score(rows),
      gaps: gaps(rows),
    });
  }
  subjects.sort(
    (x, y) => Number(y.isUnit) - Number(x.isUnit) || x.subjectName.localeCompare(y.subjectName, 'vi'),
  );
  return { year, subjects };
}
