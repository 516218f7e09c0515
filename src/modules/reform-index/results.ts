import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { agencySuccessions } from '../org/schema.ts';
import { reformIndexScores, reformIndexYears } from './schema.ts';
import {
  changeFrom,
  effectiveScore,
  gradeOf,
  maxTotalOf,
  proposedForReward,
  rankTotals,
  selfSide,
  sumScores,
} from './scoring.ts';
import { type YearRow, yearNodes, yearParticipants } from './years.ts';

// Results of a year: each agency's total (the council's score per leaf, else the self-assessed side), grade,
// rank, the change from the previous published year (the agency's own total, else the mean of its
// predecessors' after a reorganisation) and whether it is proposed for a reward.

export async function agencyTotals(db: Db, year: YearRow) {
  const [nodes, participants, rows] = await Promise.all([
    yearNodes(db, year),
    yearParticipants(db, year),
    db
      .select()
      .from(reformIndexScores)
      .where(and(eq(reformIndexScores.ownerUnitId, year.ownerUnitId), eq(reformIndexScores.yearId, year.id))),
  ]);
  const leaves = nodes.filter((n) => n.kind !== 'group');
  const byKey = new Map(rows.map((r) => [`${r.agencyId}/${r.nodeId}`, r]));
  const maxTotal = maxTotalOf(nodes);
  return {
    maxTotal,
    items: participants.map((a) => {
      const scores = leaves.map((leaf) => {
        const r = byKey.get(`${a.id}/${leaf.id}`);
        return {
          kind: leaf.kind,
          selfScore: r?.selfScore ?? null,
          computedScore: r?.computedScore ?? null,
          appraisedScore: r?.appraisedScore ?? null,
        };
      });
      return {
        agencyId: a.id,
        agencyName: a.name,
        selfTotal: sumScores(scores.map(selfSide)),
        total: sumScores(scores.map(effectiveScore)),
      };
    }),
  };
}

async function previousTotals(db: Db, year: YearRow): Promise<Map<string, number> | null> {
  const [previous] = await db
    .select()
    .from(reformIndexYears)
    .where(
      and(
        eq(reformIndexYears.ownerUnitId, year.ownerUnitId),
        eq(reformIndexYears.year, year.year - 1),
        eq(reformIndexYears.status, 'published'),
      ),
    );
  if (!previous) return null;
  const { items } = await agencyTotals(db, previous);
  return new Map(items.map((i) => [i.agencyId, i.total]));
}

export async function yearResults(db: Db, year: YearRow, { publicOnly = false } = {}) {
  if (publicOnly && year.status !== 'published')
    throw forbidden('Kết quả Chỉ số CCHC của năm này chưa được công bố.');
  const { maxTotal, items } = await agencyTotals(db, year);
  const previous = await previousTotals(db, year);
  const predecessors =
    previous && items.length > 0
      ? await db
          .select({
            predecessorId: agencySuccessions.predecessorId,
            successorId: agencySuccessions.successorId,
          })
          .from(agencySuccessions)
          .where(
            inArray(
              agencySuccessions.successorId,
              items.map((i) => i.agencyId),
            ),
          )
      : [];
  const previousOf = (agencyId: string): number | null => {
    if (!previous) return null;
    const own = previous.get(agencyId);
    if (own !== undefined) return own;
    const totals = predecessors
      .filter((p) => p.successorId === agencyId)
      .flatMap((p) => (previous.has(p.predecessorId) ? [previous.get(p.predecessorId) as number] : []));
    return totals.length > 0 ? sumScores([totals.reduce((a, b) => a + b, 0) / totals.length]) : null;
  };
  const ranked = rankTotals(items).map((r) => {
    const grade = gradeOf(r.total, maxTotal, year.gradeBands);
    const previousTotal = previousOf(r.agencyId);
    return {
      rank: r.rank,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      selfTotal: r.selfTotal,
      total: r.total,
      grade,
      previousTotal,
      change: changeFrom(previousTotal, r.total),
      proposedReward: proposedForReward(r.rank, grade, year.rewardRule),
    };
  });
  return {
    yearId: year.id,
    year: year.year,
    title: year.title,
    status: year.status,
    publishedAt: year.publishedAt,
    maxTotal,
    gradeBands: year.gradeBands,
    rewardRule: year.rewardRule,
    items: ranked,
    rewards: ranked
      .filter((r) => r.proposedReward)
      .map((r) => ({
        agencyId: r.agencyId,
        agencyName: r.agencyName,
        rank: r.rank,
        total: r.total,
        grade: r.grade,
      })),
  };
}
