import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { procedures } from '../catalog/schema.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import type { AddItemInput, CreatePlanInput, UpdateItemInput, UpdatePlanInput } from './review.types.ts';
import { canFillReview, isReviewManager, requireFillReview, reviewScope } from './review-access.ts';
import { procedureReviewItems, procedureReviewPlans, procedureReviewProposals } from './schema.ts';

// Yearly review plans and their items (one procedure each: who reviews, by when, the burdens found).

export type ReviewPlanRow = typeof procedureReviewPlans.$inferSelect;
export type ReviewItemRow = typeof procedureReviewItems.$inferSelect;

export const staleMessage = 'Dữ liệu vừa được người khác cập nhật; vui lòng tải lại trang.';

export async function loadReviewPlan(db: Db, id: string): Promise<ReviewPlanRow> {
  const [plan] = await db.select().from(procedureReviewPlans).where(eq(procedureReviewPlans.id, id)).limit(1);
  if (!plan) throw notFound('Không tìm thấy kế hoạch rà soát.');
  return plan;
}

export async function loadReviewItem(db: Db, id: string): Promise<ReviewItemRow> {
  const [item] = await db.select().from(procedureReviewItems).where(eq(procedureReviewItems.id, id)).limit(1);
  if (!item) throw notFound('Không tìm thấy thủ tục trong kế hoạch rà soát.');
  return item;
}

const scopeCondition = (principal: Principal) => {
  const scope = reviewScope(principal);
  if (scope === 'all') return undefined;
  return scope.size === 0 ? sql`false` : inArray(procedureReviewItems.agencyId, [...scope]);
};

/** Plans, newest year first, with how many of their items the reader sees and how many are done. */
export async function listReviewPlans(db: Db, principal: Principal) {
  const plans = await db
    .select({
      id: procedureReviewPlans.id,
      ownerUnitId: procedureReviewPlans.ownerUnitId,
      year: procedureReviewPlans.year,
      title: procedureReviewPlans.title,
      status: procedureReviewPlans.status,
      unitName: adminUnits.name,
    })
    .from(procedureReviewPlans)
    .innerJoin(adminUnits, eq(adminUnits.id, procedureReviewPlans.ownerUnitId))
    .orderBy(desc(procedureReviewPlans.year), asc(procedureReviewPlans.title));
  const counts = await db
    .select({
      planId: procedureReviewItems.planId,
      items: count(),
      done: sql<number>`count(*) filter (where ${procedureReviewItems.status} = 'done')`.mapWith(Number),
    })
    .from(procedureReviewItems)
    .where(scopeCondition(principal))
    .groupBy(procedureReviewItems.planId);
  const byPlan = new Map(counts.map((c) => [c.planId, c]));
  const manager = isReviewManager(principal);
  return {
    canManage: manager,
    items: plans
      .map(({ ownerUnitId: _unit, ...p }) => ({
        ...p,
        itemCount: byPlan.get(p.id)?.items ?? 0,
        doneCount: byPlan.get(p.id)?.done ?? 0,
      }))
      // An agency sees the plans that give it something to review.
      .filter((p) => manager || p.itemCount > 0),
  };
}

export async function createReviewPlan(db: Db, input: CreatePlanInput, now = new Date()) {
  const [unit] = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(eq(adminUnits.id, input.unitId));
  if (!unit) throw invalid('unitId', 'Đơn vị hành chính không tồn tại.');
  const [existing] = await db
    .select({ id: procedureReviewPlans.id })
    .from(procedureReviewPlans)
    .where(
      and(
        eq(procedureReviewPlans.ownerUnitId, input.unitId),
        eq(procedureReviewPlans.year, input.year),
        eq(procedureReviewPlans.title, input.title),
      ),
    );
  if (existing) throw conflict('Đã có kế hoạch rà soát cùng tên trong năm này.');
  const [plan] = await db
    .insert(procedureReviewPlans)
    .values({
      ownerUnitId: input.unitId,
      year: input.year,
      title: input.title,
      status: 'draft',
      citizenDayValueVnd: input.citizenDayValueVnd,
      visitCostVnd: input.visitCostVnd,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!plan) throw new Error('insert returned nothing');
  return plan;
}

export async function updateReviewPlan(
  db: Db,
  plan: ReviewPlanRow,
  input: UpdatePlanInput,
  now = new Date(),
) {
  const { version, ...changes } = input;
  if (version !== plan.version) throw conflict(staleMessage);
  const [updated] = await db
    .update(procedureReviewPlans)
    .set({ ...changes, version: plan.version + 1, updatedAt: now })
    .where(
      and(
        eq(procedureReviewPlans.ownerUnitId, plan.ownerUnitId),
        eq(procedureReviewPlans.id, plan.id),
        eq(procedureReviewPlans.version, plan.version),
      ),
    )
    .returning();
  if (!updated) throw conflict(staleMessage);
  return updated;
}

/** The plan with the items the reader sees: procedure, reviewing agency, due date, status, proposals. */
export async function reviewPlanView(db: Db, principal: Principal, planId: string) {
  const plan = await loadReviewPlan(db, planId);
  const manager = isReviewManager(principal);
  const items = await db
    .select({
      id: procedureReviewItems.id,
      procedureId: procedureReviewItems.procedureId,
      procedureCode: procedures.code,
      procedureName: procedures.name,
      agencyId: procedureReviewItems.agencyId,
      agencyName: agencies.name,
      officerName: procedureReviewItems.officerName,
      dueDate: procedureReviewItems.dueDate,
      status: procedureReviewItems.status,
      burdenCount: sql<number>`jsonb_array_length(${procedureReviewItems.burdens})`.mapWith(Number),
      version: procedureReviewItems.version,
    })
    .from(procedureReviewItems)
    .innerJoin(procedures, eq(procedures.id, procedureReviewItems.procedureId))
    .innerJoin(agencies, eq(agencies.id, procedureReviewItems.agencyId))
    .where(
      and(
        eq(procedureReviewItems.ownerUnitId, plan.ownerUnitId),
        eq(procedureReviewItems.planId, plan.id),
        scopeCondition(principal),
      ),
    )
    .orderBy(asc(procedureReviewItems.dueDate), asc(procedures.code));
  if (!manager && items.length === 0)
    throw forbidden('Kế hoạch rà soát này không giao thủ tục nào cho cơ quan của bạn.');
  const proposalCounts = items.length
    ? await db
        .select({ itemId: procedureReviewProposals.itemId, n: count() })
        .from(procedureReviewProposals)
        .where(
          and(
            eq(procedureReviewProposals.ownerUnitId, plan.ownerUnitId),
            inArray(
              procedureReviewProposals.itemId,
              items.map((i) => i.id),
            ),
          ),
        )
        .groupBy(procedureReviewProposals.itemId)
    : [];
  const proposalsOf = new Map(proposalCounts.map((c) => [c.itemId, c.n]));
  const [unit] = await db
    .select({ name: adminUnits.name })
    .from(adminUnits)
    .where(eq(adminUnits.id, plan.ownerUnitId));
  return {
    id: plan.id,
    unitId: plan.ownerUnitId,
    unitName: unit?.name ?? '',
    year: plan.year,
    title: plan.title,
    status: plan.status,
    citizenDayValueVnd: plan.citizenDayValueVnd,
    visitCostVnd: plan.visitCostVnd,
    version: plan.version,
    canManage: manager,
    items: items.map((i) => ({ ...i, proposalCount: proposalsOf.get(i.id) ?? 0 })),
  };
}

async function checkAgency(db: Db, agencyId: string) {
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw invalid('agencyId', 'Cơ quan không tồn tại.');
}

export async function addReviewItem(db: Db, plan: ReviewPlanRow, input: AddItemInput, now = new Date()) {
  const [procedure] = await db
    .select({ id: procedures.id })
    .from(procedures)
    .where(eq(procedures.code, input.procedureCode));
  if (!procedure) throw invalid('procedureCode', 'Không tìm thấy thủ tục hành chính có mã này.');
  await checkAgency(db, input.agencyId);
  const [existing] = await db
    .select({ id: procedureReviewItems.id })
    .from(procedureReviewItems)
    .where(
      and(
        eq(procedureReviewItems.ownerUnitId, plan.ownerUnitId),
        eq(procedureReviewItems.planId, plan.id),
        eq(procedureReviewItems.procedureId, procedure.id),
      ),
    );
  if (existing) throw conflict('Thủ tục này đã có trong kế hoạch rà soát.');
  const [item] = await db
    .insert(procedureReviewItems)
    .values({
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      procedureId: procedure.id,
      agencyId: input.agencyId,
      officerName: input.officerName ?? null,
      dueDate: input.dueDate,
      status: 'planned',
      updatedAt: now,
    })
    .returning();
  if (!item) throw new Error('insert returned nothing');
  return item;
}

/** Managers re-assign (agency, officer, due date); the reviewing agency records burdens, conclusion, status. */
export async function updateReviewItem(
  db: Db,
  principal: Principal,
  item: ReviewItemRow,
  input: UpdateItemInput,
  now = new Date(),
) {
  requireFillReview(principal, item.agencyId);
  const { version, ...changes } = input;
  const assigning =
    changes.agencyId !== undefined || changes.officerName !== undefined || changes.dueDate !== undefined;
  if (assigning && !isReviewManager(principal))
    throw forbidden('Chỉ bộ phận cải cách hành chính được giao lại cơ quan, người rà soát hoặc thời hạn.');
  if (version !== item.version) throw conflict(staleMessage);
  if (changes.agencyId) await checkAgency(db, changes.agencyId);
  const [updated] = await db
    .update(procedureReviewItems)
    .set({ ...changes, version: item.version + 1, updatedAt: now })
    .where(
      and(
        eq(procedureReviewItems.ownerUnitId, item.ownerUnitId),
        eq(procedureReviewItems.id, item.id),
        eq(procedureReviewItems.version, item.version),
      ),
    )
    .returning();
  if (!updated) throw conflict(staleMessage);
  return updated;
}

export const canSeeItem = (principal: Principal, item: ReviewItemRow) =>
  canFillReview(principal, item.agencyId);
