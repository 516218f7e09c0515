import { and, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { placeName } from '../dossier/dossier-forms-context.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { dossiers } from '../dossier/schema.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { PeriodError, periodQueryFields, type ReportPeriod, resolvePeriod } from './periods.ts';
import {
  buildTable,
  cellDossiers,
  type PeriodWindow,
  type ProcedureHandlingTable,
  periodWindow,
  type ReportDossier,
  reportColumns,
} from './procedure-handling.ts';

// Reads the dossiers of a report's scope and period (indexed on owner unit and receipt date) and hands them to
// the pure classifier.

/** A report over more dossiers than this is refused (the table is computed in memory). */
export const MAX_REPORT_DOSSIERS = 200_000;

const scopeFields = {
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  unitId: z.uuid('Mã đơn vị hành chính không hợp lệ.').optional(),
};

export const reportQuery = z.object({
  ...scopeFields,
  ...periodQueryFields,
  format: z.enum(['json', 'xlsx', 'pdf'], 'Định dạng phải là json, xlsx hoặc pdf.').default('json'),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const drillDownQuery = z.object({
  ...scopeFields,
  ...periodQueryFields,
  /** The field's row; absent for a level's subtotal or the total row. */
  field: z.string().trim().min(1, 'Lĩnh vực không được để trống.').max(500).optional(),
  /** The level's rows (1 province, 2 district, 3 commune); absent for the total row. */
  level: z.coerce.number().int().min(1, 'Cấp không hợp lệ.').max(3, 'Cấp không hợp lệ.').optional(),
  column: z.enum(reportColumns, `Cột phải là một trong: ${reportColumns.join(', ')}.`),
});
export type DrillDownQuery = z.infer<typeof drillDownQuery>;

export interface ReportScope {
  /** Receiving agencies counted, with the level (tier of their unit) their dossiers are reported under. */
  agencies: { id: string; name: string; unitId: string; level: number }[];
  /** Who reports: the agency, or the administrative unit. */
  name: string;
  parentName: string | null;
  place: string;
}

/** One agency, or the agencies of a unit that the officer may see (an administrator sees them all). */
export async function reportScope(
  db: Db,
  principal: Principal,
  q: { agencyId?: string | undefined; unitId?: string | undefined },
): Promise<ReportScope> {
  if (!q.agencyId === !q.unitId)
    throw invalid('agencyId', 'Vui lòng chọn một cơ quan hoặc một đơn vị hành chính.');
  const scope = agencyScope(principal);
  if (q.agencyId) {
    if (scope !== 'all' && !scope.has(q.agencyId))
      throw forbidden('Bạn không có quyền xem báo cáo của cơ quan này.');
    const [row] = await db
      .select({
        id: agencies.id,
        name: agencies.name,
        unitId: agencies.unitId,
        unitName: adminUnits.name,
        level: adminUnits.tier,
      })
      .from(agencies)
      .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
      .where(eq(agencies.id, q.agencyId));
    if (!row) throw notFound('Không tìm thấy cơ quan.');
    return {
      agencies: [{ id: row.id, name: row.name, unitId: row.unitId, level: row.level }],
      name: row.name,
      parentName: null,
      place: placeName(row.unitName) ?? row.unitName,
    };
  }
  const unitId = q.unitId as string;
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, unitId));
  if (!unit) throw notFound('Không tìm thấy đơn vị hành chính.');
  // The unit's own agencies and those of the units under it (a city with its wards): rows "theo cấp".
  const units = await db.select({ id: adminUnits.id, parentId: adminUnits.parentId }).from(adminUnits);
  const inScope = new Set([unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units)
      if (u.parentId && inScope.has(u.parentId) && !inScope.has(u.id)) {
        inScope.add(u.id);
        grew = true;
      }
  }
  const all = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, level: adminUnits.tier })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(inArray(agencies.unitId, [...inScope]));
  const visible = scope === 'all' ? all : all.filter((a) => scope.has(a.id));
  if (visible.length === 0 && scope !== 'all') {
    throw forbidden('Bạn không có quyền xem báo cáo của đơn vị hành chính này.');
  }
  return {
    agencies: visible,
    name:
      inScope.size > 1 ? `${unit.name} và các đơn vị trực thuộc` : `Các cơ quan tiếp nhận thuộc ${unit.name}`,
    parentName: null,
    place: placeName(unit.name) ?? unit.name,
  };
}

export function periodOf(q: Parameters<typeof resolvePeriod>[0]): ReportPeriod {
  try {
    return resolvePeriod(q);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid(e.path, e.message);
    throw e;
  }
}

/**
 * The counted candidates: received by the scope's agencies before the period's end and not resolved before
 * its start, neither withdrawn nor stopped. The snapshot is fetched only for the dossiers classify() needs it
 * for: resolved in the period, or still open.
 */
export async function reportDossiers(db: Db, scope: ReportScope, w: PeriodWindow): Promise<ReportDossier[]> {
  if (scope.agencies.length === 0) return [];
  const from = new Date(w.fromMs);
  const end = new Date(w.toEndMs);
  const unitIds = [...new Set(scope.agencies.map((a) => a.unitId))];
  const needsSnapshot = sql`(${dossiers.resolvedAt} >= ${from.toISOString()}::timestamptz and ${dossiers.resolvedAt} < ${end.toISOString()}::timestamptz) or ${dossiers.state} in ('received', 'in_progress', 'supplement_requested')`;
  const rows = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      field: dossiers.field,
      channel: dossiers.channel,
      state: dossiers.state,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      resolvedAt: dossiers.resolvedAt,
      receivingAgencyId: dossiers.receivingAgencyId,
      snapshot: sql<
        DossierSnapshot | string | null
      >`case when ${needsSnapshot} then ${dossiers.snapshot} end`,
    })
    .from(dossiers)
    .where(
      and(
        // dossiers_received_idx (owner_unit_id, received_at)
        inArray(dossiers.ownerUnitId, unitIds),
        isNotNull(dossiers.receivedAt),
        lt(dossiers.receivedAt, end),
        inArray(
          dossiers.receivingAgencyId,
          scope.agencies.map((a) => a.id),
        ),
        or(isNull(dossiers.resolvedAt), gte(dossiers.resolvedAt, from)),
        notInArray(dossiers.state, ['withdrawn', 'stopped']),
      ),
    )
    .limit(MAX_REPORT_DOSSIERS + 1);
  if (rows.length > MAX_REPORT_DOSSIERS) {
    throw new AppError(
      'RULE',
      `Phạm vi báo cáo có hơn ${MAX_REPORT_DOSSIERS.toLocaleString('vi-VN')} hồ sơ; vui lòng chọn phạm vi hẹp hơn.`,
    );
  }
  const levelOf = new Map(scope.agencies.map((a) => [a.id, a.level]));
  return rows.map(({ receivingAgencyId, ...r }) => ({
    ...r,
    level: levelOf.get(receivingAgencyId) ?? 3,
    snapshot: typeof r.snapshot === 'string' ? (JSON.parse(r.snapshot) as DossierSnapshot) : r.snapshot,
  }));
}

export interface ProcedureHandlingReport extends ProcedureHandlingTable {
  period: ReportPeriod;
  scope: { name: string; agencies: { id: string; name: string }[] };
  /** The instant in-progress dossiers are measured at: the period's end, or now if it has not ended. */
  measuredAt: string;
}

export async function procedureHandlingReport(
  db: Db,
  principal: Principal,
  q: ReportQuery | DrillDownQuery,
  now = new Date(),
) {
  const scope = await reportScope(db, principal, q);
  const period = periodOf(q);
  const w = periodWindow(period.from, period.to, now);
  const found = await reportDossiers(db, scope, w);
  return { scope, period, w, found };
}

export async function procedureHandlingTable(
  db: Db,
  principal: Principal,
  q: ReportQuery,
  now = new Date(),
): Promise<{ report: ProcedureHandlingReport; scope: ReportScope }> {
  const { scope, period, w, found } = await procedureHandlingReport(db, principal, q, now);
  const table = buildTable(found, w);
  return {
    scope,
    report: {
      ...table,
      period,
      scope: { name: scope.name, agencies: scope.agencies.map(({ id, name }) => ({ id, name })) },
      measuredAt: new Date(w.atMs).toISOString(),
    },
  };
}

export async function procedureHandlingDossiers(
  db: Db,
  principal: Principal,
  q: DrillDownQuery,
  now = new Date(),
) {
  const { period, w, found } = await procedureHandlingReport(db, principal, q, now);
  const items = cellDossiers(found, w, q.column, q.field, q.level)
    .sort(
      (a, b) => (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
    )
    .map((d) => ({
      id: d.id,
      code: d.code,
      procedureName: d.procedureName,
      field: d.field,
      channel: d.channel,
      receivedAt: d.receivedAt?.toISOString() ?? null,
      dueAt: d.dueAt?.toISOString() ?? null,
      resolvedAt: d.resolvedAt?.toISOString() ?? null,
    }));
  return { period, column: q.column, field: q.field ?? null, total: items.length, items };
}
