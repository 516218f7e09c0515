import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { scopeFilter } from './officials.ts';
import { staffOfficials, staffTrainingCourses, staffTrainingRecords } from './schema.ts';
import {
  meetsIndicator,
  type OfficialFacts,
  type StaffIndicatorKey,
  staffFigures,
  staffTargets,
} from './staff-indicators.ts';
import { ONLINE_SERVICE_TOPIC } from './staff-labels.ts';
import { resolveScope } from './staff-scope.ts';

// Reads the facts behind the staff indicators (officials serving on the date, their completed online-service
// trainings) and hands them to the pure formulas of staff-indicators.ts.

type ScopeQuery = {
  agencyId?: string | undefined;
  unitId?: string | undefined;
  view: 'historical' | 'current';
};

async function servingFacts(db: Db, principal: Principal, query: ScopeQuery, asOf: string) {
  const scope = await resolveScope(db, principal, query);
  const officials = await db
    .select({
      id: staffOfficials.id,
      ownerUnitId: staffOfficials.ownerUnitId,
      agencyId: staffOfficials.agencyId,
      agencyName: agencies.name,
      fullName: staffOfficials.fullName,
      position: staffOfficials.position,
      degreeLevel: staffOfficials.degreeLevel,
      startDate: staffOfficials.startDate,
      endDate: staffOfficials.endDate,
    })
    .from(staffOfficials)
    .innerJoin(agencies, eq(agencies.id, staffOfficials.agencyId))
    .where(
      and(
        ...scopeFilter(scope),
        lte(staffOfficials.startDate, asOf),
        or(isNull(staffOfficials.endDate), gte(staffOfficials.endDate, asOf)),
      ),
    )
    .orderBy(asc(agencies.name), asc(staffOfficials.nameKey));
  const units = [...new Set(officials.map((o) => o.ownerUnitId))];
  const trainings =
    units.length === 0
      ? []
      : await db
          .select({ officialId: staffTrainingRecords.officialId, endDate: staffTrainingCourses.endDate })
          .from(staffTrainingRecords)
          .innerJoin(staffTrainingCourses, eq(staffTrainingCourses.id, staffTrainingRecords.courseId))
          .where(
            and(
              inArray(staffTrainingRecords.ownerUnitId, units),
              eq(staffTrainingRecords.result, 'completed'),
              eq(staffTrainingCourses.topicKey, ONLINE_SERVICE_TOPIC),
              sql`${staffTrainingCourses.endDate} <= ${asOf}`,
            ),
          );
  const ends = new Map<string, string[]>();
  for (const t of trainings) ends.set(t.officialId, [...(ends.get(t.officialId) ?? []), t.endDate]);
  const facts = officials.map((o) => ({ ...o, onlineTrainingEnds: ends.get(o.id) ?? [] }));
  return { scope, facts };
}

export async function staffIndicators(db: Db, principal: Principal, query: ScopeQuery, asOf: string) {
  const { scope, facts } = await servingFacts(db, principal, query, asOf);
  const figures = staffFigures(facts satisfies OfficialFacts[], asOf);
  const names = new Map(facts.map((f) => [f.agencyId, f.agencyName]));
  return {
    asOf,
    scopeName: scope.name,
    targets: staffTargets,
    total: figures.total,
    agencies: figures.agencies
      .map((a) => ({ ...a, agencyName: names.get(a.agencyId) ?? '' }))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi')),
  };
}

/** The officials behind a figure: those serving on the date, counted or not by the indicator. */
export async function indicatorOfficials(
  db: Db,
  principal: Principal,
  query: ScopeQuery,
  asOf: string,
  indicator: StaffIndicatorKey,
  counted: boolean,
) {
  const { facts } = await servingFacts(db, principal, query, asOf);
  return facts
    .filter((f) => meetsIndicator(f, indicator, asOf) === counted)
    .map(({ id, agencyId, agencyName, fullName, position, degreeLevel }) => ({
      id,
      agencyId,
      agencyName,
      fullName,
      position,
      degreeLevel,
    }));
}
