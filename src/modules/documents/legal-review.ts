import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { canKeepAgency, isJusticeOffice, readScope } from './documents-access.ts';
import { legalReviewItems, legalReviewPlans, type ReviewAction, type ReviewResult } from './schema.ts';

// The justice office's yearly review of legal normative documents (rà soát VBQPPL, Decree 34/2016 as the plan
// cites it): a plan per office and year, the documents reviewed, each one's result and the action taken.

const outOfScope = () => forbidden('Chức năng rà soát văn bản QPPL dành cho Phòng Tư pháp.');

export interface PlanInput {
  agencyId: string;
  year: number;
  title: string;
  reference?: string | null | undefined;
}
export interface ItemInput {
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
  result: ReviewResult;
  action: ReviewAction;
  actionNote?: string | null | undefined;
  reviewedOn: string;
}

/** Justice offices the officer keeps reviews for (a role in the office). */
async function keptJusticeOffice(db: Db, principal: Principal, agencyId: string) {
  if (!canKeepAgency(principal, agencyId)) throw outOfScope();
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency || !isJusticeOffice(agency)) throw outOfScope();
  return agency;
}

async function visiblePlanIds(db: Db, principal: Principal): Promise<'all' | string[]> {
  const scope = readScope(principal);
  if (scope === 'all') return 'all';
  if (scope.size === 0) return [];
  const rows = await db
    .select({ id: legalReviewPlans.id })
    .from(legalReviewPlans)
    .where(inArray(legalReviewPlans.agencyId, [...scope]));
  return rows.map((r) => r.id);
}

/** Plans with their documents, and counts per year by result and action. */
export async function legalReviewOverview(db: Db, principal: Principal, year?: number) {
  const visible = await visiblePlanIds(db, principal);
  const scopeFilter =
    visible === 'all' ? undefined : visible.length ? inArray(legalReviewPlans.id, visible) : sql`false`;
  const plans = await db
    .select({ plan: legalReviewPlans, agencyName: agencies.name })
    .from(legalReviewPlans)
    .innerJoin(agencies, eq(agencies.id, legalReviewPlans.agencyId))
    .where(and(scopeFilter, year ? eq(legalReviewPlans.year, year) : undefined))
    .orderBy(desc(legalReviewPlans.year), asc(agencies.name));
  const planIds = plans.map((p) => p.plan.id);
  const items = planIds.length
    ? await db
        .select()
        .from(legalReviewItems)
        .where(inArray(legalReviewItems.planId, planIds))
        .orderBy(asc(legalReviewItems.reviewedOn), asc(legalReviewItems.number))
    : [];
  const perYear = await db
    .select({
      year: legalReviewPlans.year,
      result: legalReviewItems.result,
      action: legalReviewItems.action,
      n: count(),
    })
    .from(legalReviewItems)
    .innerJoin(legalReviewPlans, eq(legalReviewPlans.id, legalReviewItems.planId))
    .where(scopeFilter)
    .groupBy(legalReviewPlans.year, legalReviewItems.result, legalReviewItems.action);
  const years = new Map<
    number,
    {
      year: number;
      reviewed: number;
      inForceFit: number;
      expired: number;
      unfit: number;
      actions: Record<string, number>;
    }
  >();
  for (const r of perYear) {
    const y = years.get(r.year) ?? {
      year: r.year,
      reviewed: 0,
      inForceFit: 0,
      expired: 0,
      unfit: 0,
      actions: {},
    };
    y.reviewed += r.n;
    if (r.result === 'in_force_fit') y.inForceFit += r.n;
    else if (r.result === 'expired') y.expired += r.n;
    else y.unfit += r.n;
    y.actions[r.action] = (y.actions[r.action] ?? 0) + r.n;
    years.set(r.year, y);
  }
  return {
    years: [...years.values()].sort((a, b) => b.year - a.year),
    plans: plans.map((p) => ({
      ...p.plan,
      agencyName: p.agencyName,
      canEdit: canKeepAgency(principal, p.plan.agencyId),
      items: items.filter((i) => i.planId === p.plan.id),
    })),
  };
}

export async function createPlan(db: Db, principal: Principal, input: PlanInput) {
  await keptJusticeOffice(db, principal, input.agencyId);
  const [taken] = await db
    .select({ id: legalReviewPlans.id })
    .from(legalReviewPlans)
    .where(and(eq(legalReviewPlans.agencyId, input.agencyId), eq(legalReviewPlans.year, input.year)));
  if (taken) throw conflict(`Cơ quan đã có kế hoạch rà soát năm ${input.year}.`);
  const [plan] = await db
    .insert(legalReviewPlans)
    .values({ ...input, reference: input.reference ?? null })
    .returning();
  return plan as typeof legalReviewPlans.$inferSelect;
}

export async function addReviewItem(db: Db, principal: Principal, planId: string, input: ItemInput) {
  const [plan] = await db.select().from(legalReviewPlans).where(eq(legalReviewPlans.id, planId));
  if (!plan) throw notFound('Không tìm thấy kế hoạch rà soát.');
  await keptJusticeOffice(db, principal, plan.agencyId);
  if (input.result === 'in_force_fit' && input.action !== 'none') {
    throw new AppError('VALIDATION', 'Văn bản còn hiệu lực, phù hợp thì không cần xử lý.');
  }
  if (input.result === 'unfit' && input.action === 'none') {
    throw new AppError(
      'VALIDATION',
      'Văn bản không còn phù hợp phải có hình thức xử lý (sửa đổi, bãi bỏ, thay thế…).',
    );
  }
  const [taken] = await db
    .select({ id: legalReviewItems.id })
    .from(legalReviewItems)
    .where(and(eq(legalReviewItems.planId, planId), eq(legalReviewItems.number, input.number)));
  if (taken) throw conflict(`Văn bản số ${input.number} đã có trong kế hoạch rà soát này.`);
  const [item] = await db
    .insert(legalReviewItems)
    .values({ planId, ...input, actionNote: input.actionNote ?? null })
    .returning();
  return item as typeof legalReviewItems.$inferSelect;
}
