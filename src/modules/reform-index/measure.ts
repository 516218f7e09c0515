import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { computeFigures } from '../kpi/figures.ts';
import { agencies } from '../org/schema.ts';
import { surveyIndex } from '../surveys/survey-index.ts';
import { reformIndexScores } from './schema.ts';
import { pointsOnScale } from './scoring.ts';
import { type NodeRow, type YearRow, yearNodes, yearParticipants } from './years.ts';

// The figures behind automatic and survey leaves, for one agency and one calendar year: a kpi indicator
// (a people's committee: its whole unit; another agency: the dossiers it received or resolves) and the
// satisfaction-survey index of the agency and its sub-units, each a percentage mapped to points by the leaf's scale.

export interface AgencyForMeasure {
  id: string;
  kind: string;
  unitId: string;
}

export interface Measured {
  value: number | null;
  points: number | null;
}

const vnMidnight = (year: number) => new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000);

export async function measureLeaves(
  db: Db,
  year: number,
  agency: AgencyForMeasure,
  leaves: NodeRow[],
  now: Date,
): Promise<Map<string, Measured>> {
  const out = new Map<string, Measured>();
  const computed = leaves.filter((l) => l.kind === 'automatic' || l.kind === 'survey');
  if (computed.length === 0) return out;
  const needsKpi = computed.some((l) => l.kind === 'automatic');
  const figures = needsKpi
    ? await computeFigures(
        db,
        {
          unitId: agency.unitId,
          view: 'current',
          from: `${year}-01`,
          to: `${year}-12`,
          ...(agency.kind === 'people_committee' ? {} : { agencyId: agency.id }),
        },
        now,
      )
    : null;
  let survey: number | null = null;
  if (computed.some((l) => l.kind === 'survey')) {
    const children = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.parentAgencyId, agency.id));
    const index = await surveyIndex(db, {
      agencyIds: [agency.id, ...children.map((c) => c.id)],
      from: vnMidnight(year),
      to: vnMidnight(year + 1),
    });
    survey = index.overall === null ? null : Math.round(index.overall * 10_000) / 100;
  }
  for (const leaf of computed) {
    const value =
      leaf.kind === 'survey'
        ? survey
        : (figures?.indicators.find((i) => i.key === leaf.indicatorKey)?.value ?? null);
    out.set(leaf.id, { value, points: pointsOnScale(value, leaf.scale ?? [], leaf.maxPoints) });
  }
  return out;
}

/** Freezes the computed leaves of every agency when appraisal starts (the council may still override them). */
export async function storeComputedScores(db: Db, year: YearRow, now: Date): Promise<void> {
  const leaves = (await yearNodes(db, year)).filter((n) => n.kind === 'automatic' || n.kind === 'survey');
  if (leaves.length === 0) return;
  for (const agency of await yearParticipants(db, year)) {
    const measured = await measureLeaves(db, year.year, agency, leaves, now);
    for (const [nodeId, m] of measured) {
      await db
        .insert(reformIndexScores)
        .values({
          ownerUnitId: year.ownerUnitId,
          yearId: year.id,
          agencyId: agency.id,
          nodeId,
          measuredValue: m.value,
          computedScore: m.points,
          computedAt: now,
        })
        .onConflictDoUpdate({
          target: [
            reformIndexScores.ownerUnitId,
            reformIndexScores.yearId,
            reformIndexScores.agencyId,
            reformIndexScores.nodeId,
          ],
          set: {
            measuredValue: m.value,
            computedScore: m.points,
            computedAt: now,
            version: sql`${reformIndexScores.version} + 1`,
          },
        });
    }
  }
}
