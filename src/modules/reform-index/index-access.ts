import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';

// Who may do what in the reform index: the reform office (role reform_officer) and deployment-wide
// administrators form the appraisal council — they manage years and criteria and appraise; an agency's own
// officers (of the agency or of one of its sub-units, e.g. a ward's service centre) self-score and respond for it.

export function isCouncil(principal: Principal): boolean {
  return isGlobalAdmin(principal) || hasRole(principal, 'reform_officer');
}

export function requireCouncil(principal: Principal): Principal {
  if (!isCouncil(principal))
    throw forbidden('Chức năng này dành cho hội đồng thẩm định (bộ phận cải cách hành chính).');
  return principal;
}

export interface AgencyRef {
  id: string;
  parentAgencyId: string | null;
}

/** The agencies among `participants` the officer belongs to (directly, or through a sub-unit). */
export function ownAgencies(
  principal: Principal,
  participants: AgencyRef[],
  allAgencies: AgencyRef[],
): Set<string> {
  const scope = agencyScope(principal);
  const mine = new Set<string>();
  if (scope === 'all') return mine;
  const participantIds = new Set(participants.map((p) => p.id));
  for (const id of scope) {
    if (participantIds.has(id)) mine.add(id);
    const parent = allAgencies.find((a) => a.id === id)?.parentAgencyId;
    if (parent && participantIds.has(parent)) mine.add(parent);
  }
  return mine;
}

export function requireOwnAgency(own: Set<string>, agencyId: string): void {
  if (!own.has(agencyId)) throw forbidden('Cơ quan chỉ được tự chấm điểm và giải trình cho chính mình.');
}
