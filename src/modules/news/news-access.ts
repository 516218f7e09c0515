import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import { listAgencies } from '../org/units.ts';

// Who publishes on the portal (plan VI.4): the culture and information office — Phòng Văn hóa và Thông tin of the
// city, Phòng Văn hóa – Xã hội of a ward or commune — and deployment-wide administrators. Everyone reads what is
// published; nobody else sees drafts.

export const isCultureOffice = (agency: { name: string }) =>
  /^Phòng Văn hóa\b/u.test(agency.name.normalize('NFC'));

export async function isPublisher(db: Db, principal: Principal | null): Promise<boolean> {
  if (principal?.kind !== 'officer') return false;
  if (isGlobalAdmin(principal)) return true;
  const scope = agencyScope(principal);
  if (scope !== 'all' && scope.size === 0) return false;
  return (await listAgencies(db, { ids: scope })).some(isCultureOffice);
}

export async function requirePublisher(db: Db, principal: Principal): Promise<Principal> {
  if (!(await isPublisher(db, principal)))
    throw forbidden('Chức năng này dành cho Phòng Văn hóa và Thông tin và quản trị hệ thống.');
  return principal;
}
