import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { coarseColumn, coarseCounters } from './coarse.ts';
import { type CounterTotals, counterColumn, dossierCounters, zeroTotals } from './counters.ts';
import { dimensionConditions, type FigureFilter } from './figure-filter.ts';

// Reads the monthly aggregates: a unit's year is a few thousand rows, summed by month in one statement.

export interface MonthTotals {
  month: string;
  counters: CounterTotals;
  ratings: number;
  satisfied: number;
}

export interface FigureTotals {
  counters: CounterTotals;
  ratings: number;
  satisfied: number;
  byMonth: MonthTotals[];
}

/** The coarsest aggregate table that can answer the filter. */
export function levelOf(f: FigureFilter): 'unit' | 'agency' | 'detail' {
  if (f.procedureId || f.field) return 'detail';
  return f.agencyId ? 'agency' : 'unit';
}

const coarseSums = coarseCounters.map(
  (c) => sql`sum(k.${sql.raw(coarseColumn(c))})::int as ${sql.raw(coarseColumn(c))}`,
);

function coarseWhere(f: FigureFilter): SQL {
  const conditions = [
    sql`k.owner_unit_id in (${sql.join(
      (f.unitIds.length > 0 ? f.unitIds : ['00000000-0000-0000-0000-000000000000']).map(
        (id) => sql`${id}::uuid`,
      ),
      sql`, `,
    )})`,
    sql`k.month >= ${f.fromMonth}::date and k.month < ${f.toMonth}::date`,
  ];
  if (f.agencyId)
    conditions.push(
      sql`(k.receiving_agency_id = ${f.agencyId}::uuid or k.competent_agency_id = ${f.agencyId}::uuid)`,
    );
  return sql.join(conditions, sql` and `);
}

function totalsOfRow(r: Record<string, number | string>): GroupTotals {
  const counters = zeroTotals();
  for (const c of dossierCounters) counters[c] = Number(r[counterColumn(c)] ?? 0);
  return { counters, ratings: Number(r.ratings ?? 0), satisfied: Number(r.ratings_satisfied ?? 0) };
}

function summed(byMonth: MonthTotals[]): FigureTotals {
  const counters = zeroTotals();
  let ratings = 0;
  let satisfied = 0;
  for (const m of byMonth) {
    for (const c of dossierCounters) counters[c] += m.counters[c];
    ratings += m.ratings;
    satisfied += m.satisfied;
  }
  return { counters, ratings, satisfied, byMonth };
}

/** The filter's totals by month: one row per unit (or agency pair) and month from the coarse tables. */
export async function aggregateTotals(db: Db, f: FigureFilter): Promise<FigureTotals> {
  const level = levelOf(f);
  if (level === 'detail') return detailedTotals(db, f);
  const table = sql.raw(level === 'unit' ? 'kpi_unit_monthly' : 'kpi_agency_monthly');
  const rows = await rawRows<Record<string, number | string>>(
    db,
    sql`select k.month::text as month, ${sql.join(coarseSums, sql`, `)}
    from ${table} k where ${coarseWhere(f)} group by k.month order by k.month`,
  );
  return summed(rows.map((r) => ({ month: String(r.month), ...totalsOfRow(r) })));
}

/** The same from the detailed tables (procedure and field filters). */
export async function detailedTotals(db: Db, f: FigureFilter): Promise<FigureTotals> {
  const where = sql.join(
    [
      ...dimensionConditions(sql`k`, f),
      sql`k.month >= ${f.fromMonth}::date and k.month < ${f.toMonth}::date`,
    ],
    sql` and `,
  );
  const sums = dossierCounters.map(
    (c) => sql`sum(k.${sql.raw(counterColumn(c))})::int as ${sql.raw(counterColumn(c))}`,
  );
  const [dossierRows, ratingRows] = await Promise.all([
    rawRows<Record<string, number | string>>(
      db,
      sql`select k.month::text as month, ${sql.join(sums, sql`, `)}
      from kpi_dossier_monthly k where ${where} group by k.month order by k.month`,
    ),
    rawRows<{ month: string; ratings: number; satisfied: number }>(
      db,
      sql`select k.month::text as month, sum(k.ratings)::int as ratings,
        (sum(k.ratings) filter (where k.satisfied))::int as satisfied
      from kpi_rating_monthly k where ${where} group by k.month order by k.month`,
    ),
  ]);
  const months = new Map<string, MonthTotals>();
  const monthOf = (month: string) => {
    let m = months.get(month);
    if (!m) {
      m = { month, counters: zeroTotals(), ratings: 0, satisfied: 0 };
      months.set(month, m);
    }
    return m;
  };
  for (const r of dossierRows) {
    const m = monthOf(String(r.month));
    for (const c of dossierCounters) m.counters[c] = Number(r[counterColumn(c)] ?? 0);
  }
  for (const r of ratingRows) {
    const m = monthOf(r.month);
    m.ratings = Number(r.ratings ?? 0);
    m.satisfied = Number(r.satisfied ?? 0);
  }
  return summed([...months.values()].sort((a, b) => a.month.localeCompare(b.month)));
}

export interface CatalogTotals {
  procedures: number;
  online: number;
  /** Published with no open doubt about its data (publicity of Decision 766 group 1). */
  publishedComplete: number;
}

/** Procedures the scope's agencies carry out (all procedures when the scope has none assigned). */
export async function catalogTotals(db: Db, unitIds: string[]): Promise<CatalogTotals> {
  const ids = unitIds.length > 0 ? unitIds : ['00000000-0000-0000-0000-000000000000'];
  const [row] = await rawRows<{ procedures: number; online: number; published_complete: number }>(
    db,
    sql`select count(*)::int as procedures,
      (count(*) filter (where p.published and p.online_mode in ('full', 'partial')))::int as online,
      (count(*) filter (where p.published and not exists (
        select 1 from procedure_flags f where f.procedure_id = p.id and f.status = 'open')))::int
        as published_complete
    from procedures p
    where p.id in (select pa.procedure_id from procedure_agencies pa join agencies a on a.id = pa.agency_id
      where a.unit_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`,
  );
  return {
    procedures: Number(row?.procedures ?? 0),
    online: Number(row?.online ?? 0),
    publishedComplete: Number(row?.published_complete ?? 0),
  };
}

export interface OpenTotals {
  open: number;
  overdue: number;
}

/** Dossiers being processed now and those past their legal due date (partial index dossiers_open_due_idx). */
export async function openTotals(db: Db, f: FigureFilter, now: Date): Promise<OpenTotals> {
  const [row] = await rawRows<{ open: number; overdue: number }>(
    db,
    sql`select count(*)::int as open, (count(*) filter (where d.due_at < ${now.toISOString()}::timestamptz
        and d.state <> 'supplement_requested'))::int as overdue
    from dossiers d where d.state in ('received', 'in_progress', 'supplement_requested')
      and ${sql.join(dimensionConditions(sql`d`, f), sql` and `)}`,
  );
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}

export interface GroupTotals {
  counters: CounterTotals;
  ratings: number;
  satisfied: number;
}

/** The filter's totals per owning unit or per competent agency (rankings). */
export async function groupedTotals(
  db: Db,
  f: FigureFilter,
  by: 'owner_unit_id' | 'competent_agency_id',
): Promise<Map<string, GroupTotals>> {
  const level = levelOf(f);
  if (level !== 'detail') {
    const table = sql.raw(
      by === 'owner_unit_id' && level === 'unit' ? 'kpi_unit_monthly' : 'kpi_agency_monthly',
    );
    const key = sql.raw(`k.${by}`);
    const rows = await rawRows<Record<string, number | string>>(
      db,
      sql`select ${key} as key, ${sql.join(coarseSums, sql`, `)} from ${table} k where ${coarseWhere(f)}
      group by ${key}`,
    );
    return new Map(rows.map((r) => [String(r.key), totalsOfRow(r)]));
  }
  const where = sql.join(
    [
      ...dimensionConditions(sql`k`, f),
      sql`k.month >= ${f.fromMonth}::date and k.month < ${f.toMonth}::date`,
    ],
    sql` and `,
  );
  const key = sql.raw(`k.${by}`);
  const sums = dossierCounters.map(
    (c) => sql`sum(k.${sql.raw(counterColumn(c))})::int as ${sql.raw(counterColumn(c))}`,
  );
  const [dossierRows, ratingRows] = await Promise.all([
    rawRows<Record<string, number | string>>(
      db,
      sql`select ${key} as key, ${sql.join(sums, sql`, `)} from kpi_dossier_monthly k where ${where} group by ${key}`,
    ),
    rawRows<{ key: string; ratings: number; satisfied: number }>(
      db,
      sql`select ${key} as key, sum(k.ratings)::int as ratings,
        (sum(k.ratings) filter (where k.satisfied))::int as satisfied
      from kpi_rating_monthly k where ${where} group by ${key}`,
    ),
  ]);
  const out = new Map<string, GroupTotals>();
  const entry = (k: string) => {
    let e = out.get(k);
    if (!e) {
      e = { counters: zeroTotals(), ratings: 0, satisfied: 0 };
      out.set(k, e);
    }
    return e;
  };
  for (const r of dossierRows) {
    const e = entry(String(r.key));
    for (const c of dossierCounters) e.counters[c] = Number(r[counterColumn(c)] ?? 0);
  }
  for (const r of ratingRows) {
    const e = entry(r.key);
    e.ratings = Number(r.ratings ?? 0);
    e.satisfied = Number(r.satisfied ?? 0);
  }
  return out;
}
