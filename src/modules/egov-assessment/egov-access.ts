import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';

// The reform office (reform_officer) and administrators keep the criteria, assess the city as a whole and review
// every submission; an agency's officers fill and submit their own agency's self-assessment; anything else 403.

export function isEgovManager(p: Principal): boolean {
  return isGlobalAdmin(p) || hasRole(p, 'reform_officer');
}

export function requireEgovManager(p: Principal): Principal {
  if (!isEgovManager(p))
    throw forbidden(
      'Chức năng này dành cho bộ phận cải cách hành chính (Phòng Nội vụ) và quản trị hệ thống.',
    );
  return p;
}

/** May the officer see and fill this assessment (an agency's, or the unit's when agencyId is null)? */
export function canFill(p: Principal, agencyId: string | null): boolean {
  if (isEgovManager(p)) return true;
  if (agencyId === null) return false;
  const scope = agencyScope(p);
  return scope === 'all' || scope.has(agencyId);
}

export function requireFill(p: Principal, agencyId: string | null): Principal {
  if (!canFill(p, agencyId)) throw forbidden('Bạn chỉ được xem và điền bản tự đánh giá của cơ quan mình.');
  return p;
}
