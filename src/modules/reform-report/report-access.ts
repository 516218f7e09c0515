import { forbidden } from '../../platform/http/errors.ts';
import { isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import { isPlanManager } from '../reform-plan/plan-access.ts';

// Who may do what with yearly reform reports: an agency's officers fill its report, its heads and leaders
// submit it; the reform office (reform_officer) and deployment-wide administrators read every report, return,
// accept and consolidate.

export const isReviewer = isPlanManager;

export function requireReviewer(principal: Principal): Principal {
  if (!isReviewer(principal))
    throw forbidden('Chức năng này dành cho bộ phận cải cách hành chính và quản trị hệ thống.');
  return principal;
}

export function canFill(principal: Principal, agencyId: string): boolean {
  return isGlobalAdmin(principal) || principal.roles.some((r) => r.agencyId === agencyId);
}

export function canSubmit(principal: Principal, agencyId: string): boolean {
  return (
    isGlobalAdmin(principal) ||
    principal.roles.some(
      (r) => r.agencyId === agencyId && (r.role === 'head_of_office' || r.role === 'signing_leader'),
    )
  );
}

export function canRead(principal: Principal, agencyId: string): boolean {
  return isReviewer(principal) || canFill(principal, agencyId);
}

export function requireFill(principal: Principal, agencyId: string): Principal {
  if (!canFill(principal, agencyId)) throw forbidden('Chỉ cán bộ của cơ quan, đơn vị được lập báo cáo này.');
  return principal;
}

export function requireSubmit(principal: Principal, agencyId: string): Principal {
  if (!canSubmit(principal, agencyId))
    throw forbidden('Chỉ trưởng phòng hoặc lãnh đạo cơ quan, đơn vị được gửi báo cáo.');
  return principal;
}

export function requireRead(principal: Principal, agencyId: string): Principal {
  if (!canRead(principal, agencyId)) throw forbidden('Bạn không có quyền xem báo cáo này.');
  return principal;
}
