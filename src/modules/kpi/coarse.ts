import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { counterColumn, type DossierCounter, dossierCounters } from './counters.ts';

// The coarse aggregates (kpi_unit_monthly, kpi_agency_monthly): the detailed counts summed over procedures, and
// the ratings as two counters. Written in the same transaction as the detailed rows.

export const coarseCounters = [...dossierCounters, 'ratings', 'ratingsSatisfied'] as const;
export type CoarseCounter = DossierCounter | 'ratings' | 'ratingsSatisfied';

export interface CoarseDelta {
  ownerUnitId: string;
  month: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  counts: Partial<Record<CoarseCounter, number>>;
}

export const coarseColumn = (c: CoarseCounter) => counterColumn(c as DossierCounter);

/** Sums deltas that fall on the same aggregate row (`key`), so each row gets one upsert. */
export function mergeDeltas<T extends { counts: Partial<Record<string, number>> }>(
  deltas: T[],
  key: (d: T) => string,
): T[] {
  const merged = new Map<string, T>();
  for (const d of deltas) {
    const k = key(d);
    const into = merged.get(k);
    if (!into) {
      merged.set(k, { ...d, counts: { ...d.counts } });
      continue;
    }
    for (const [c, n] of Object.entries(d.counts)) into.counts[c] = (into.counts[c] ?? 0) + (n ?? 0);
  }
  return [...merged.values()];
}

export async function applyCoarse(tx: Db, deltas: CoarseDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const columns = coarseCounters.map((c) => sql.raw(coarseColumn(c)));
  const counts = (d: CoarseDelta) =>
    sql.join(
      coarseCounters.map((c) => sql`${d.counts[c] ?? 0}::int`),
      sql`, `,
    );
  const add = sql.join(
    columns.map((c) => sql`${c} = agg.${c} + excluded.${c}`),
    sql`, `,
  );
  const agencyRows = mergeDeltas(deltas, (d) =>
    [d.ownerUnitId, d.month, d.receivingAgencyId, d.competentAgencyId].join('|'),
  );
  await tx.execute(sql`insert into kpi_agency_monthly as agg (owner_unit_id, month, receiving_agency_id,
      competent_agency_id, ${sql.join(columns, sql`, `)})
    values ${sql.join(
      agencyRows.map(
        (d) =>
          sql`(${d.ownerUnitId}::uuid, ${d.month}::date, ${d.receivingAgencyId}::uuid, ${d.competentAgencyId}::uuid, ${counts(d)})`,
      ),
      sql`, `,
    )}
    on conflict (owner_unit_id, month, receiving_agency_id, competent_agency_id) do update set ${add}`);
  const unitRows = mergeDeltas(deltas, (d) => `${d.ownerUnitId}|${d.month}`);
  await tx.execute(sql`insert into kpi_unit_monthly as agg (owner_unit_id, month, ${sql.join(columns, sql`, `)})
    values ${sql.join(
      unitRows.map((d) => sql`(${d.ownerUnitId}::uuid, ${d.month}::date, ${counts(d)})`),
      sql`, `,
    )}
    on conflict (owner_unit_id, month) do update set ${add}`);
}
