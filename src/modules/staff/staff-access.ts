import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencyScope, hasRole, isGlobalAdmin } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';

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

/** The agencies whose staff records (officials, positions) an officer may read, each with whether they may change them. */
export async function agenciesInScope(db: Db, principal: Principal) {
  const readable = readableAgencies(principal);
  const manageable = manageableAgencies(principal);
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, validTo: agencies.validTo })
    .from(agencies)
    .orderBy(asc(agencies.name));
  return {
    managesAll: managesAll(principal),
    agencies: rows
      .filter((a) => within(readable, a.id))
      .map((a) => ({ ...a, canManage: within(manageable, a.id) })),
  };
}

export const agenciesInScopeView = z.object({
  managesAll: z.boolean(),
  agencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unitId: z.string(),
      validTo: z.string().nullable(),
      canManage: z.boolean(),
    }),
  ),
});
