import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { officialsOf } from '../staff/officials-of.ts';
import { degreeLevels } from '../staff/schema.ts';
import { vietnamDate } from '../staff/staff-indicators.ts';
import { countByKind, positionBalance, quotaBalance, servingOn, streamliningProgress } from './headcount.ts';
import type { AgencyView, PositionInput, PositionUpdate } from './positions.types.ts';
import {
  loadAgency,
  manageableAgencies,
  managesAll,
  requireManagesPositions,
  requireReads,
  within,
} from './positions-access.ts';
import { headcountQuotas, jobPositions, positionHolders, streamliningPlans } from './schema.ts';

// An agency's positions, who holds them, its quota for a year and its streamlining plan, with the balances.

/** The date a year's figures are read on: its last day, or today for the running year (and later ones). */
export function asOfFor(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';
const duplicateCode = () => conflict('Cơ quan đã có vị trí việc làm với mã này.');
const stale = () => conflict('Dữ liệu vừa được người khác cập nhật; vui lòng tải lại trang.');

const rank = (d: (typeof degreeLevels)[number]) => degreeLevels.indexOf(d);

export async function agencyPositions(
  db: Db,
  principal: Principal,
  agencyId: string,
  year: number | undefined,
  now = new Date(),
): Promise<AgencyView> {
  requireReads(principal, agencyId);
  const agency = await loadAgency(db, agencyId);
  const today = vietnamDate(now);
  const theYear = year ?? Number(today.slice(0, 4));
  const asOf = asOfFor(theYear, today);
  const unit = agency.unitId;
  const [positions, links, officials, [quota], [plan]] = await Promise.all([
    db
      .select()
      .from(jobPositions)
      .where(and(eq(jobPositions.ownerUnitId, unit), eq(jobPositions.agencyId, agencyId)))
      .orderBy(asc(jobPositions.group), asc(jobPositions.code)),
    db.select().from(positionHolders).where(eq(positionHolders.ownerUnitId, unit)),
    officialsOf(db, { units: [unit], agencyIds: [agencyId] }),
    db
      .select()
      .from(headcountQuotas)
      .where(
        and(
          eq(headcountQuotas.ownerUnitId, unit),
          eq(headcountQuotas.agencyId, agencyId),
          eq(headcountQuotas.year, theYear),
        ),
      ),
    db
      .select()
      .from(streamliningPlans)
      .where(and(eq(streamliningPlans.ownerUnitId, unit), eq(streamliningPlans.agencyId, agencyId))),
  ]);
  const serving = officials.filter((o) => servingOn(o, asOf));
  const servingById = new Map(serving.map((o) => [o.id, o]));
  const positionIds = new Set(positions.map((p) => p.id));
  const current = links.filter(
    (l) =>
      positionIds.has(l.positionId) &&
      l.fromDate <= asOf &&
      (l.toDate === null || l.toDate >= asOf) &&
      servingById.has(l.officialId),
  );
  const placed = new Set(current.map((l) => l.officialId));
  const views = positions.map((p) => {
    const holders = current
      .filter((l) => l.positionId === p.id)
      .flatMap((l) => {
        const o = servingById.get(l.officialId);
        return o
          ? [
              {
                officialId: o.id,
                fullName: o.fullName,
                category: o.category,
                degreeLevel: o.degreeLevel,
                fieldOfStudy: o.fieldOfStudy,
                fromDate: l.fromDate,
                belowDegree: rank(o.degreeLevel) < rank(p.requiredDegree),
              },
            ]
          : [];
      })
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
    return {
      id: p.id,
      agencyId: p.agencyId,
      code: p.code,
      name: p.name,
      group: p.group,
      requiredDegree: p.requiredDegree,
      requiredField: p.requiredField,
      competencies: p.competencies,
      headcount: p.headcount,
      version: p.version,
      holders,
      balance: positionBalance(p.headcount, holders.length),
    };
  });
  const totals = views.reduce(
    (t, v) => ({
      needed: t.needed + v.balance.needed,
      held: t.held + v.balance.held,
      vacancy: t.vacancy + v.balance.vacancy,
      over: t.over + v.balance.over,
    }),
    { needed: 0, held: 0, vacancy: 0, over: 0 },
  );
  const quotaCounts = quota
    ? {
        civilServants: quota.civilServants,
        publicEmployees: quota.publicEmployees,
        contractStaff: quota.contractStaff,
      }
    : null;
  return {
    agency: { id: agency.id, name: agency.name },
    year: theYear,
    asOf,
    canManage: within(manageableAgencies(principal), agencyId),
    canManageQuota: managesAll(principal),
    positions: views,
    totals,
    quota: quota
      ? {
          ...(quotaCounts as NonNullable<typeof quotaCounts>),
          decisionNumber: quota.decisionNumber,
          decisionDate: quota.decisionDate,
          version: quota.version,
        }
      : null,
    quotaLines: quotaBalance(quotaCounts, countByKind(serving)),
    unassigned: serving
      .filter((o) => !placed.has(o.id))
      .map((o) => ({
        officialId: o.id,
        fullName: o.fullName,
        category: o.category,
        degreeLevel: o.degreeLevel,
        position: o.position,
      })),
    streamlining: plan
      ? {
          fromYear: plan.fromYear,
          toYear: plan.toYear,
          decisionNumber: plan.decisionNumber,
          version: plan.version,
          planned: plan.planned,
          progress: streamliningProgress(
            plan,
            (date) => officials.filter((o) => servingOn(o, date)).length,
            today,
          ),
        }
      : null,
  };
}

async function loadPosition(db: Db, principal: Principal, id: string) {
  const [row] = await db.select().from(jobPositions).where(eq(jobPositions.id, id));
  if (!row) throw notFound('Không tìm thấy vị trí việc làm.');
  requireManagesPositions(principal, row.agencyId);
  return row;
}

const positionValues = (input: Omit<PositionInput, 'agencyId'>) => ({
  code: input.code,
  name: input.name.normalize('NFC'),
  group: input.group,
  requiredDegree: input.requiredDegree,
  requiredField: input.requiredField ?? null,
  competencies: input.competencies,
  headcount: input.headcount,
});

export async function createPosition(db: Db, principal: Principal, input: PositionInput) {
  requireManagesPositions(principal, input.agencyId);
  const agency = await loadAgency(db, input.agencyId).catch(() => {
    throw invalid('agencyId', 'Không tìm thấy cơ quan, đơn vị.');
  });
  try {
    const [row] = await db
      .insert(jobPositions)
      .values({ ownerUnitId: agency.unitId, agencyId: agency.id, ...positionValues(input) })
      .returning({ id: jobPositions.id });
    return { id: (row as { id: string }).id };
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode();
    throw e;
  }
}

export async function updatePosition(
  db: Db,
  principal: Principal,
  id: string,
  input: PositionUpdate,
  now = new Date(),
) {
  const row = await loadPosition(db, principal, id);
  if (row.version !== input.version) throw stale();
  const { version: _version, ...rest } = input;
  try {
    const [updated] = await db
      .update(jobPositions)
      .set({ ...positionValues(rest), version: row.version + 1, updatedAt: now })
      .where(
        and(
          eq(jobPositions.ownerUnitId, row.ownerUnitId),
          eq(jobPositions.id, id),
          eq(jobPositions.version, input.version),
        ),
      )
      .returning({ id: jobPositions.id });
    if (!updated) throw stale();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode();
    throw e;
  }
  return { id };
}

/** Removes a position nobody holds (its past holders' links go with it). */
export async function deletePosition(db: Db, principal: Principal, id: string, now = new Date()) {
  const row = await loadPosition(db, principal, id);
  const today = vietnamDate(now);
  const open = await db
    .select({ officialId: positionHolders.officialId, toDate: positionHolders.toDate })
    .from(positionHolders)
    .where(and(eq(positionHolders.ownerUnitId, row.ownerUnitId), eq(positionHolders.positionId, id)));
  if (open.some((l) => l.toDate === null || l.toDate >= today))
    throw conflict('Vị trí đang có người đảm nhiệm; hãy thôi bố trí trước khi xóa.');
  await db.transaction(async (tx) => {
    await tx
      .delete(positionHolders)
      .where(and(eq(positionHolders.ownerUnitId, row.ownerUnitId), eq(positionHolders.positionId, id)));
    await tx
      .delete(jobPositions)
      .where(and(eq(jobPositions.ownerUnitId, row.ownerUnitId), eq(jobPositions.id, id)));
  });
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Places an official in a position from a date; an official placed elsewhere in the agency moves. */
export async function assignHolder(
  db: Db,
  principal: Principal,
  positionId: string,
  input: { officialId: string; fromDate?: string | undefined },
  now = new Date(),
) {
  const position = await loadPosition(db, principal, positionId);
  const fromDate = input.fromDate ?? vietnamDate(now);
  const [official] = await officialsOf(db, {
    units: [position.ownerUnitId],
    agencyIds: [position.agencyId],
    ids: [input.officialId],
  });
  if (!official) throw invalid('officialId', 'Cán bộ không thuộc cơ quan này.');
  if (!servingOn(official, fromDate))
    throw invalid('fromDate', 'Cán bộ không còn công tác tại cơ quan vào ngày bố trí.');
  const links = await db
    .select()
    .from(positionHolders)
    .where(
      and(
        eq(positionHolders.ownerUnitId, position.ownerUnitId),
        eq(positionHolders.officialId, official.id),
        isNull(positionHolders.toDate),
      ),
    );
  if (links.some((l) => l.positionId === positionId)) throw conflict('Cán bộ này đã đảm nhiệm vị trí này.');
  await db.transaction(async (tx) => {
    const lastDay = dayBefore(fromDate);
    for (const l of links) {
      const key = and(
        eq(positionHolders.ownerUnitId, l.ownerUnitId),
        eq(positionHolders.positionId, l.positionId),
        eq(positionHolders.officialId, l.officialId),
        eq(positionHolders.fromDate, l.fromDate),
      );
      // A link that would end before it began (a move on its first day) was never really held: drop it.
      if (l.fromDate > lastDay) await tx.delete(positionHolders).where(key);
      else await tx.update(positionHolders).set({ toDate: lastDay }).where(key);
    }
    await tx
      .insert(positionHolders)
      .values({ ownerUnitId: position.ownerUnitId, positionId, officialId: official.id, fromDate })
      .onConflictDoUpdate({
        target: [
          positionHolders.ownerUnitId,
          positionHolders.positionId,
          positionHolders.officialId,
          positionHolders.fromDate,
        ],
        set: { toDate: null },
      });
  });
}

/** Ends an official's holding of a position today (the link stays as history). */
export async function endHolder(
  db: Db,
  principal: Principal,
  positionId: string,
  officialId: string,
  now = new Date(),
) {
  const position = await loadPosition(db, principal, positionId);
  const today = vietnamDate(now);
  const ended = await db
    .update(positionHolders)
    .set({ toDate: today })
    .where(
      and(
        eq(positionHolders.ownerUnitId, position.ownerUnitId),
        eq(positionHolders.positionId, positionId),
        eq(positionHolders.officialId, officialId),
        isNull(positionHolders.toDate),
      ),
    )
    .returning({ officialId: positionHolders.officialId });
  if (ended.length === 0) throw notFound('Cán bộ không đảm nhiệm vị trí này.');
}
