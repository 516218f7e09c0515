import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';

// Who may do what with surveys. The reform office (role reform_officer, in any agency) and deployment-wide
// administrators run surveys for the whole deployment: they design templates, open rounds and read every
// result. Other officers enter paper forms and read results only for the agencies they work in.

export function isSurveyManager(principal: Principal): boolean {
  return isGlobalAdmin(principal) || hasRole(principal, 'reform_officer');
}

export function requireSurveyManager(principal: Principal): Principal {
  if (!isSurveyManager(principal))
    throw forbidden('Chức năng này dành cho bộ phận cải cách hành chính và quản trị hệ thống.');
  return principal;
}

/** Of a round's agencies, those whose answers and results the officer may see (all of them for a manager). */
export function visibleRoundAgencies(principal: Principal, agencyIds: readonly string[]): string[] {
  if (isSurveyManager(principal)) return [...agencyIds];
  const scope = agencyScope(principal);
  return agencyIds.filter((id) => scope === 'all' || scope.has(id));
}
