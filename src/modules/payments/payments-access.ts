import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { agencyScope, isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import { canSeeDossier } from '../dossier/dossier-access.ts';
import { dossiers } from '../dossier/schema.ts';

/** The dossier, if the principal may see it (an officer of an involved agency, or its own applicant). */
export async function visibleDossier(db: Db, principal: Principal, dossierId: string) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId)).limit(1);
  if (!row || !canSeeDossier(principal, row.snapshot)) throw notFound('Không tìm thấy hồ sơ.');
  return row;
}

const refundRoles = new Set(['head_of_office', 'admin']);

/** Refunds: a head of office or an administrator of the receiving agency, or a deployment administrator. */
export function canRefund(principal: Principal, receivingAgencyId: string): boolean {
  if (principal.kind !== 'officer') return false;
  if (isGlobalAdmin(principal)) return true;
  return principal.roles.some((r) => refundRoles.has(r.role) && r.agencyId === receivingAgencyId);
}

export function requireRefunder(principal: Principal, receivingAgencyId: string): void {
  if (!canRefund(principal, receivingAgencyId))
    throw new AppError(
      'FORBIDDEN',
      'Chỉ Trưởng phòng hoặc quản trị của cơ quan tiếp nhận được hoàn tiền lệ phí.',
    );
}

/** The receiving agencies whose payments the officer reconciles: all of theirs, or the one asked for. */
export function reconciliationScope(principal: Principal, agencyId: string | undefined): 'all' | string[] {
  const scope = agencyScope(principal);
  if (agencyId) {
    if (scope !== 'all' && !scope.has(agencyId))
      throw new AppError('FORBIDDEN', 'Bạn không có quyền đối soát thanh toán của cơ quan này.');
    return [agencyId];
  }
  return scope === 'all' ? 'all' : [...scope];
}
