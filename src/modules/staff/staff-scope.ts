import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { loadUnitTree, type OrgView, unitsInScope } from '../kpi/scope.ts';
import { agencies } from '../org/schema.ts';
import { readableAgencies, within } from './staff-access.ts';

// Which officials a request covers: one agency, one unit (with the units under it, in the organisation of its
// time or rolled up to today's successors — kpi/scope.ts), or everything the reader may see. Queries always
// filter by the owner units this yields.

export interface StaffScope {
  /** Owner units to read; null = every unit (a reader of all agencies with no unit chosen). */
  units: string[] | null;
  /** Agencies to keep; null = every agency in those units. */
  agencyIds: string[] | null;
  name: string;
}

export async function resolveScope(
  db: Db,
  principal: Principal,
  query: { agencyId?: string | undefined; unitId?: string | undefined; view: OrgView },
): Promise<StaffScope> {
  const readable = readableAgencies(principal);
  if (query.agencyId) {
    if (!within(readable, query.agencyId)) throw forbidden('Bạn không có quyền xem cán bộ của cơ quan này.');
    const [agency] = await db
      .select({ unitId: agencies.unitId, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.id, [query.agencyId]));
    if (!agency) throw notFound('Không tìm thấy cơ quan.');
    return { units: [agency.unitId], agencyIds: [query.agencyId], name: agency.name };
  }
  const agencyIds = readable === 'all' ? null : [...readable];
  if (query.unitId) {
    const tree = await loadUnitTree(db);
    const unit = tree.units.get(query.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị hành chính.');
    return { units: unitsInScope(tree, query.unitId, query.view), agencyIds, name: unit.name };
  }
  if (agencyIds === null) return { units: null, agencyIds: null, name: 'Tất cả cơ quan, đơn vị' };
  const rows =
    agencyIds.length === 0
      ? []
      : await db.select({ unitId: agencies.unitId }).from(agencies).where(inArray(agencies.id, agencyIds));
  return { units: [...new Set(rows.map((r) => r.unitId))], agencyIds, name: 'Cơ quan của tôi' };
}
