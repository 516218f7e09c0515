// Who sees and keeps which register (docs/api.md, "Documents, ISO and legal review"):
// - the officers of an agency (any role there) keep that agency's document register and ISO record;
// - the reform office (`reform_officer`) and deployment-wide administrators read every agency's;
// - the justice office's officers (an agency named "Phòng Tư pháp …") keep the legal-document review.
// Pure; a request outside the scope gets 403 whether or not the record exists (docs/ARCHITECTURE.md, "Access").
import { agencyScope, canSeeAgency, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';

export const canKeepAgency = (p: Principal, agencyId: string) => canSeeAgency(p, agencyId);

/** The agencies whose registers the officer reads; 'all' for the reform office and administrators. */
export function readScope(p: Principal): 'all' | Set<string> {
  if (isGlobalAdmin(p) || hasRole(p, 'reform_officer')) return 'all';
  const scope = agencyScope(p);
  return scope;
}

export const canReadAgency = (p: Principal, agencyId: string) => {
  const scope = readScope(p);
  return scope === 'all' || scope.has(agencyId);
};

/** The justice office of a unit, by its name as the organisation data carries it (Phòng Tư pháp …). */
export const isJusticeOffice = (agency: { name: string }) =>
  /^Phòng Tư pháp\b/u.test(agency.name.normalize('NFC'));
