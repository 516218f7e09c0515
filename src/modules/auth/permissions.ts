import type { Role } from './schema.ts';

/** What the server knows about the signed-in user on every request. */
export interface Principal {
  userId: string;
  kind: 'citizen' | 'officer';
  fullName: string;
  roles: { role: Role; agencyId: string | null }[];
  /** The session's public handle (the "Phiên đăng nhập" page marks it as the current one). */
  sessionId?: string;
  /** The two-factor policy applies and no authenticator is enrolled yet: only the enrolment is allowed. */
  mustEnrolTotp?: boolean;
}

/** A deployment-wide administrator: an admin role with no agency. */
export function isGlobalAdmin(principal: Principal): boolean {
  return principal.roles.some((r) => r.role === 'admin' && r.agencyId === null);
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.some((r) => r.role === role);
}

/** Agencies whose data the officer may see; `'all'` for a deployment-wide administrator. */
export function agencyScope(principal: Principal): 'all' | Set<string> {
  if (isGlobalAdmin(principal)) return 'all';
  return new Set(principal.roles.flatMap((r) => (r.agencyId ? [r.agencyId] : [])));
}

export function canSeeAgency(principal: Principal, agencyId: string): boolean {
  const scope = agencyScope(principal);
  return scope === 'all' || scope.has(agencyId);
}
