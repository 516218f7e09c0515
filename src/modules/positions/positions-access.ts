import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { manageableAgencies, managesAll, readableAgencies, within } from '../staff/staff-access.ts';

// Who may do what with positions and headcount, following the officials register: the reform office (Phòng Nội
// vụ, role reform_officer) and administrators see every agency, enter the province's quotas and the
// streamlining plans; an agency's head and agency administrator define its positions and who holds them; every
// other officer reads their own agency.

export { manageableAgencies, managesAll, readableAgencies, within };

export function requireReads(principal: Principal, agencyId: string): void {
  if (!within(readableAgencies(principal), agencyId))
    throw forbidden('Bạn không có quyền xem vị trí việc làm của cơ quan này.');
}

export function requireManagesPositions(principal: Principal, agencyId: string): void {
  if (!within(manageableAgencies(principal), agencyId))
    throw forbidden('Bạn chỉ được cập nhật vị trí việc làm của cơ quan mình phụ trách.');
}

export function requireManagesQuota(principal: Principal): void {
  if (!managesAll(principal))
    throw forbidden('Biên chế và kế hoạch tinh giản do Phòng Nội vụ (cơ quan thường trực CCHC) cập nhật.');
}

export async function loadAgency(db: Db, agencyId: string) {
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw notFound('Không tìm thấy cơ quan, đơn vị.');
  return agency;
}
