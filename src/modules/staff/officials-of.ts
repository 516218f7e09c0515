import { and, asc, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { staffOfficials } from './schema.ts';

// For other modules (positions): the officials of some agencies with their dates and category, serving or not,
// so that a caller can count who served on any date. Filters by owner unit first, like every staff query.

export interface OfficialRecord {
  id: string;
  ownerUnitId: string;
  agencyId: string;
  fullName: string;
  birthDate: string;
  position: string | null;
  category: (typeof staffOfficials.$inferSelect)['category'];
  degreeLevel: (typeof staffOfficials.$inferSelect)['degreeLevel'];
  fieldOfStudy: string | null;
  startDate: string;
  endDate: string | null;
}

export async function officialsOf(
  db: Db,
  filter: { units: string[]; agencyIds?: string[] | undefined; ids?: string[] | undefined },
): Promise<OfficialRecord[]> {
  if (filter.units.length === 0) return [];
  const where: SQL[] = [inArray(staffOfficials.ownerUnitId, filter.units)];
  if (filter.agencyIds)
    where.push(filter.agencyIds.length ? inArray(staffOfficials.agencyId, filter.agencyIds) : sql`false`);
  if (filter.ids) where.push(filter.ids.length ? inArray(staffOfficials.id, filter.ids) : sql`false`);
  return db
    .select({
      id: staffOfficials.id,
      ownerUnitId: staffOfficials.ownerUnitId,
      agencyId: staffOfficials.agencyId,
      fullName: staffOfficials.fullName,
      birthDate: staffOfficials.birthDate,
      position: staffOfficials.position,
      category: staffOfficials.category,
      degreeLevel: staffOfficials.degreeLevel,
      fieldOfStudy: staffOfficials.fieldOfStudy,
      startDate: staffOfficials.startDate,
      endDate: staffOfficials.endDate,
    })
    .from(staffOfficials)
    .where(and(...where))
    .orderBy(asc(staffOfficials.nameKey), asc(staffOfficials.id));
}
