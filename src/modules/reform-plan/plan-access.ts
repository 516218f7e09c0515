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

export function canReportOn(principal: Principal, leadAgencyId: string): boolean {
  if (isPlanManager(principal)) return true;
  const scope = agencyScope(principal);
  return scope === 'all' || scope.has(leadAgencyId);
}

export function requireReporter(principal: Principal, leadAgencyId: string): Principal {
  if (!canReportOn(principal, leadAgencyId))
    throw forbidden('Chỉ cơ quan chủ trì nhiệm vụ hoặc bộ phận cải cách hành chính được cập nhật tiến độ.');
  return principal;
}
