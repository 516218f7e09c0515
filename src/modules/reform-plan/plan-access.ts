import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';

// Who may do what with reform plans: the reform office (role reform_officer) and deployment-wide administrators
// manage plans, targets and tasks; an agency's officers report progress on the tasks their agency leads; every
// officer reads.

export function isPlanManager(principal: Principal): boolean {
  return isGlobalAdmin(principal) || hasRole(principal, 'reform_officer');
}

export function requirePlanManager(principal: Principal): Principal {
  if (!isPlanManager(principal))
    throw forbidden('Chức năng này dành cho bộ phận cải cách hành chính và quản trị hệ thống.');
  return principal;
}

/**
 * The lead agency's officers report, and so do those of the agencies that took over its work (`successors`:
 * an old ward's tasks are reported by the new ward).
 */
export function canReportOn(principal: Principal, leadAgencyId: string, successors: string[] = []): boolean {
  if (isPlanManager(principal)) return true;
  const scope = agencyScope(principal);
  return scope === 'all' || scope.has(leadAgencyId) || successors.some((id) => scope.has(id));
}

export function requireReporter(
  principal: Principal,
  leadAgencyId: string,
  successors: string[] = [],
): Principal {
  if (!canReportOn(principal, leadAgencyId, successors))
    throw forbidden('Chỉ cơ quan chủ trì nhiệm vụ hoặc bộ phận cải cách hành chính được cập nhật tiến độ.');
  return principal;
}
