import { and, asc, eq, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { feedbackCounts } from '../kpi/feedback-source.ts';
import { computeFigures } from '../kpi/figures.ts';
import { checkedEvidence } from './evidence.ts';
import { recordEvent } from './plan-events.ts';
import type { ActualInput, CreateTargetInput, UpdateTargetInput } from './plan-model.ts';
import { loadPlan, type PlanRow } from './plans.ts';
import { targetMet, vietnamToday } from './schedule.ts';
import { reformTargetActuals, reformTargets } from './schema.ts';

type TargetRow = typeof reformTargets.$inferSelect;

export async function loadTarget(db: Db, id: string): Promise<{ target: TargetRow; plan: PlanRow }> {
  const [target] = await db.select().from(reformTargets).where(eq(reformTargets.id, id)).limit(1);
  if (!target) throw notFound('Không tìm thấy mục tiêu.');
  return { target, plan: await loadPlan(db, target.planId) };
}

export async function createTarget(
  db: Db,
  principal: Principal | null,
  plan: PlanRow,
  input: CreateTargetInput,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: max(reformTargets.ordinal) })
      .from(reformTargets)
      .where(and(eq(reformTargets.ownerUnitId, plan.ownerUnitId), eq(reformTargets.planId, plan.id)));
    const [target] = await tx
      .insert(reformTargets)
      .values({
        ownerUnitId: plan.ownerUnitId,
        planId: plan.id,
        ordinal: (last?.n ?? 0) + 1,
        code: input.code,
        title: input.title,
        measure: input.measure,
        op: input.measure === 'percent' ? (input.op ?? null) : null,
        targetValue: input.measure === 'percent' ? (input.targetValue ?? null) : null,
        indicatorKey: input.indicatorKey ?? null,
      })
      .returning();
    if (!target) throw new Error('insert returned nothing');
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'target_created',
      actor: principal,
      at: now,
      data: input,
    });
    return target;
  });
}

export async function updateTarget(
  db: Db,
  principal: Principal,
  id: string,
  input: UpdateTargetInput,
  now = new Date(),
) {
  const { target, plan } = await loadTarget(db, id);
  const measure = input.measure ?? target.measure;
  const op = input.op !== undefined ? input.op : target.op;
  const targetValue = input.targetValue !== undefined ? input.targetValue : target.targetValue;
  if (measure === 'percent' && (op == null || targetValue == null))
    throw invalid('targetValue', 'Mục tiêu tính theo tỷ lệ cần phép so sánh và giá trị cần đạt.');
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reformTargets)
      .set({
        ...input,
        measure,
        op: measure === 'percent' ? op : null,
        targetValue: measure === 'percent' ? targetValue : null,
      })
      .where(and(eq(reformTargets.ownerUnitId, target.ownerUnitId), eq(reformTargets.id, target.id)))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'target_updated',
      actor: principal,
      at: now,
      data: { targetId: id, ...input },
    });
    return updated;
  });
}

/** A figure entered for a target without a live indicator, for one year of the plan, with its evidence. */
export async function enterActual(
  db: Db,
  files: FileStore | undefined,
  principal: Principal,
  id: string,
  year: number,
  input: ActualInput,
  now = new Date(),
) {
  const { target, plan } = await loadTarget(db, id);
  if (target.indicatorKey)
    throw invalid('value', 'Mục tiêu này lấy kết quả trực tiếp từ chỉ số của hệ thống, không nhập tay.');
  if (year < plan.fromYear || year > plan.toYear)
    throw invalid('year', `Năm phải trong giai đoạn ${plan.fromYear}–${plan.toYear} của kế hoạch.`);
  if (target.measure === 'achieved' && input.value !== 0 && input.value !== 1)
    throw invalid('value', 'Mục tiêu đạt/không đạt: nhập 1 (đạt) hoặc 0 (chưa đạt).');
  const evidence = await checkedEvidence(files, input.evidence);
  const values = {
    value: input.value,
    note: input.note ?? null,
    evidence,
    enteredBy: principal.userId,
    enteredByName: principal.fullName,
    enteredAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(reformTargetActuals)
      .values({ ownerUnitId: target.ownerUnitId, targetId: target.id, year, ...values })
      .onConflictDoUpdate({
        target: [reformTargetActuals.ownerUnitId, reformTargetActuals.targetId, reformTargetActuals.year],
        set: values,
      });
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'actual_entered',
      actor: principal,
      at: now,
      data: { targetId: id, code: target.code, year, value: input.value, files: evidence.length },
    });
  });
  return { targetId: id, year, ...values };
}

/**
 * Targets against actuals, year by year up to this year: live indicators are computed for the plan's unit (its
 * units of that time) over each calendar year; other targets show the figure entered with its evidence.
 */
export async function targetsWithActuals(db: Db, plan: PlanRow, now = new Date()) {
  const targets = await db
    .select()
    .from(reformTargets)
    .where(and(eq(reformTargets.ownerUnitId, plan.ownerUnitId), eq(reformTargets.planId, plan.id)))
    .orderBy(asc(reformTargets.ordinal));
  const entered = await db
    .select()
    .from(reformTargetActuals)
    .where(eq(reformTargetActuals.ownerUnitId, plan.ownerUnitId));
  const thisYear = Number(vietnamToday(now).slice(0, 4));
  const years: number[] = [];
  for (let y = plan.fromYear; y <= Math.min(plan.toYear, thisYear); y++) years.push(y);
  const live = new Map<number, Map<string, number | null>>();
  if (targets.some((t) => t.indicatorKey))
    for (const y of years) {
      const figures = await computeFigures(
        db,
        { unitId: plan.ownerUnitId, view: 'historical', from: `${y}-01`, to: `${y}-12` },
        now,
        feedbackCounts,
      );
      live.set(y, new Map((figures?.indicators ?? []).map((i) => [i.key, i.value])));
    }
  return targets.map((t) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    measure: t.measure,
    op: t.op,
    targetValue: t.targetValue,
    indicatorKey: t.indicatorKey,
    source: t.indicatorKey ? ('indicator' as const) : ('entered' as const),
    years: years.map((year) => {
      if (t.indicatorKey) {
        const value = live.get(year)?.get(t.indicatorKey) ?? null;
        return { year, value, met: targetMet(t, value), note: null, evidence: [], enteredByName: null };
      }
      const a = entered.find((e) => e.targetId === t.id && e.year === year);
      const value = a?.value ?? null;
      return {
        year,
        value,
        met: targetMet(t, value),
        note: a?.note ?? null,
        evidence: a?.evidence ?? [],
        enteredByName: a?.enteredByName ?? null,
      };
    }),
  }));
}
