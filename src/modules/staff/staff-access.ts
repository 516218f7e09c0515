import { forbidden } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencyScope, hasRole, isGlobalAdmin } from '../auth/permissions.ts';

// Who may see and change the officials register: the reform office (reform_officer) and administrators manage
// every agency; an agency's head (head_of_office, signing_leader) and an agency administrator manage their own
// agency; every other officer reads their own agency.

const agencyManagerRoles = new Set(['head_of_office', 'signing_leader', 'admin']);

export function managesAll(principal: Principal): boolean {
  return isGlobalAdmin(principal) || hasRole(principal, 'reform_officer');
}

export function manageableAgencies(principal: Principal): 'all' | Set<string> {
  if (managesAll(principal)) return 'all';
  return new Set(
    principal.roles.flatMap((r) => (r.agencyId && agencyManagerRoles.has(r.role) ? [r.agencyId] : [])),
  );
}

export function readableAgencies(principal: Principal): 'all' | Set<string> {
  return managesAll(principal) ? 'all' : agencyScope(principal);
}

export const within = (scope: 'all' | Set<string>, agencyId: string) =>
  scope === 'all' || scope.has(agencyId);

export function requireManages(principal: Principal, agencyId: string): void {
  if (!within(manageableAgencies(principal), agencyId))
    throw forbidden('Bạn chỉ được cập nhật cán bộ của cơ quan mình phụ trách.');
}

export function requireManagesAll(principal: Principal): void {
  if (!managesAll(principal))
    throw forbidden('Chức năng này dành cho cơ quan thường trực CCHC (Phòng Nội vụ) và quản trị hệ thống.');
}
