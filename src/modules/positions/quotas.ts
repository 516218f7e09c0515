import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import type { QuotaInput, StreamliningInput } from './positions.types.ts';
import { loadAgency, requireManagesQuota } from './positions-access.ts';
import { headcountQuotas, streamliningPlans } from './schema.ts';

// The province's headcount quota per agency and year, and each agency's streamlining plan: entered by the reform
// office, with optimistic versions (a stale form gets 409 and changes nothing).

const stale = () => conflict('Dữ liệu vừa được người khác cập nhật; vui lòng tải lại trang.');

export async function saveQuota(
  db: Db,
  principal: Principal,
  agencyId: string,
  year: number,
  input: QuotaInput,
  now = new Date(),
) {
  requireManagesQuota(principal);
  const agency = await loadAgency(db, agencyId);
  const key = and(
    eq(headcountQuotas.ownerUnitId, agency.unitId),
    eq(headcountQuotas.agencyId, agencyId),
    eq(headcountQuotas.year, year),
  );
  const values = {
    civilServants: input.civilServants,
    publicEmployees: input.publicEmployees,
    contractStaff: input.contractStaff,
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate ?? null,
    updatedAt: now,
  };
  if (input.version === 0) {
    const inserted = await db
      .insert(headcountQuotas)
      .values({ ownerUnitId: agency.unitId, agencyId, year, ...values })
      .onConflictDoNothing()
      .returning({ version: headcountQuotas.version });
    if (inserted.length === 0) throw stale();
    return;
  }
  const updated = await db
    .update(headcountQuotas)
    .set({ ...values, version: input.version + 1 })
    .where(and(key, eq(headcountQuotas.version, input.version)))
    .returning({ version: headcountQuotas.version });
  if (updated.length === 0) throw stale();
}

export async function saveStreamlining(
  db: Db,
  principal: Principal,
  agencyId: string,
  input: StreamliningInput,
  now = new Date(),
) {
  requireManagesQuota(principal);
  const agency = await loadAgency(db, agencyId);
  const values = {
    fromYear: input.fromYear,
    toYear: input.toYear,
    targetPercent: input.targetPercent,
    planned: [...input.planned].sort((a, b) => a.year - b.year),
    decisionNumber: input.decisionNumber ?? null,
    updatedAt: now,
  };
  if (input.version === 0) {
    const inserted = await db
      .insert(streamliningPlans)
      .values({ ownerUnitId: agency.unitId, agencyId, ...values })
      .onConflictDoNothing()
      .returning({ version: streamliningPlans.version });
    if (inserted.length === 0) throw stale();
    return;
  }
  const updated = await db
    .update(streamliningPlans)
    .set({ ...values, version: input.version + 1 })
    .where(
      and(
        eq(streamliningPlans.ownerUnitId, agency.unitId),
        eq(streamliningPlans.agencyId, agencyId),
        eq(streamliningPlans.version, input.version),
      ),
    )
    .returning({ version: streamliningPlans.version });
  if (updated.length === 0) throw stale();
}
