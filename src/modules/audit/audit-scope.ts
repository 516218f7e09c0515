import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { isGlobalAdmin } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';

/**
 * Whose audit entries an officer may read and verify: a deployment-wide administrator every chain (the
 * accounts' chain included); an agency administrator or reform officer the chains of their agencies' units.
 */
export async function auditScope(db: Db, principal: Principal): Promise<'all' | string[]> {
  if (isGlobalAdmin(principal)) return 'all';
  const agencyIds = principal.roles.flatMap((r) =>
    (r.role === 'admin' || r.role === 'reform_officer') && r.agencyId ? [r.agencyId] : [],
  );
  if (agencyIds.length === 0)
    throw forbidden('Nhật ký kiểm toán dành cho quản trị hệ thống và cán bộ cải cách hành chính.');
  const rows = await db
    .selectDistinct({ unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.id, agencyIds));
  return rows.map((r) => r.unitId);
}
