import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';

// Who may do what (README, "Access"): the reform office (reform_officer, Phòng Nội vụ) and deployment-wide
// administrators plan reviews, decide on proposals and keep the interlinked list; an agency's officers see and
// fill the reviews assigned to their agency; a request outside that scope gets 403.

export function isReviewManager(p: Principal): boolean {
  return isGlobalAdmin(p) || hasRole(p, 'reform_officer');
}

export function requireReviewManager(p: Principal): Principal {
  if (!isReviewManager(p))
    throw forbidden(
      'Chức năng này dành cho bộ phận cải cách hành chính (Phòng Nội vụ) và quản trị hệ thống.',
    );
  return p;
}

/** Agencies whose reviews the officer sees and fills; 'all' for managers. */
export function reviewScope(p: Principal): 'all' | Set<string> {
  return isReviewManager(p) ? 'all' : agencyScope(p);
}

export function canFillReview(p: Principal, agencyId: string): boolean {
  const scope = reviewScope(p);
  return scope === 'all' || scope.has(agencyId);
}

export function requireFillReview(p: Principal, agencyId: string): Principal {
  if (!canFillReview(p, agencyId))
    throw forbidden('Bạn chỉ được xem và cập nhật rà soát thủ tục được giao cho cơ quan mình.');
  return p;
}
