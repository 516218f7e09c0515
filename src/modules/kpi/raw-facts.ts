import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import {
  type CounterTotals,
  counterColumn,
  type DossierCounter,
  dossierCounters,
  zeroTotals,
} from './counters.ts';
import { dimensionConditions, type FigureFilter } from './figure-filter.ts';
import { digitisedAtReceipt } from './rollup.ts';

// The facts of the aggregates, read straight from the dossiers' columns: when each fact happened and whether a
// dossier has it. The drill-down lists the dossiers behind a figure with these, and the naive baseline of the
// benchmark counts them with a GROUP BY over the raw table. They must match event-deltas.ts, which counts the
// same facts from the events as they happen (kpi.api.test.ts compares the two).

const vnTime = (t: SQL) => sql`(${t} at time zone 'UTC' + interval '7 hours')`;
const vnDay = (t: SQL) => sql`(${vnTime(t)})::date`;
const snap = (path: string) => sql.raw(`(d.snapshot #>> '{${path}}')`);
const snapTime = (path: string) => sql`${snap(path)}::timestamptz`;

const legalLate = sql`(d.resolved_at > d.due_at)`;
const legalEarly = sql`(${vnDay(sql`d.resolved_at`)} < ${vnDay(sql`d.due_at`)})`;
const indexDue = snapTime('clocks,index,dueAt');
const indexCounted = sql`(${indexDue} is not null and d.received_at is not null)`;
const indexLate = sql`(${snap('clocks,index,supplementRequests')}::int > 1 or d.resolved_at > ${indexDue})`;

export interface Fact {
  /** When the fact happened (its month decides the period). */
  at: SQL;
  /** Whether the dossier has the fact (besides `at` being set). */
  when: SQL;
}

const received: Fact = { at: sql`d.received_at`, when: sql`true` };
const decided: Fact = { at: sql`d.resolved_at`, when: sql`true` };
const resultAt = snapTime('result,issuedAt');

export const facts: Record<DossierCounter, Fact> = {
  receivedOnline: { ...received, when: sql`d.channel = 'online'` },
  receivedOffline: { ...received, when: sql`d.channel <> 'online'` },
  receivedDigitised: { ...received, when: digitisedAtReceipt(sql`d`) },
  resolvedEarly: { ...decided, when: sql`d.due_at is not null and not ${legalLate} and ${legalEarly}` },
  resolvedOnTime: { ...decided, when: sql`d.due_at is not null and not ${legalLate} and not ${legalEarly}` },
  resolvedLate: { ...decided, when: sql`d.due_at is not null and ${legalLate}` },
  resolvedUncounted: { ...decided, when: sql`d.due_at is null` },
  indexOnTime: { ...decided, when: sql`${indexCounted} and not ${indexLate}` },
  indexLate: { ...decided, when: sql`${indexCounted} and ${indexLate}` },
  resultsIssued: { at: resultAt, when: sql`true` },
  resultsDigitised: { at: resultAt, when: sql`${snap('result,fileId')} <> ''` },
  returned: { at: sql`d.returned_at`, when: sql`true` },
  withdrawn: { at: snapTime('withdrawal,at'), when: sql`d.received_at is not null` },
  stopped: { at: snapTime('stop,at'), when: sql`true` },
  refused: { at: snapTime('refusal,at'), when: sql`true` },
};

/** The month (first day, Vietnam time) of an instant, as SQL. */
export const vnMonth = (t: SQL) => sql`date_trunc('month', ${vnTime(t)})::date`;

/** The fact happened in the filter's months. */
export function factInPeriod(fact: Fact, f: FigureFilter): SQL {
  return sql`(${fact.at} is not null and ${vnMonth(fact.at)} >= ${f.fromMonth}::date
    and ${vnMonth(fact.at)} < ${f.toMonth}::date and ${fact.when})`;
}

/** The benchmark's baseline: every counter of the filter, counted over the raw dossiers. */
export async function naiveTotals(db: Db, f: FigureFilter): Promise<CounterTotals> {
  const columns = dossierCounters.map(
    (c) => sql`count(*) filter (where ${factInPeriod(facts[c], f)})::int as ${sql.raw(counterColumn(c))}`,
  );
  const [row] = await rawRows<Record<string, number>>(
    db,
    sql`select ${sql.join(columns, sql`, `)} from dossiers d
    where ${sql.join(dimensionConditions(sql`d`, f), sql` and `)}`,
  );
  const totals = zeroTotals();
  for (const c of dossierCounters) totals[c] = Number(row?.[counterColumn(c)] ?? 0);
  return totals;
}

/**
 * The aggregate rows of a set of dossiers `d` (e.g. a bulk load's RETURNING), as one SELECT: each dossier
 * unpivoted into one row per moment that has facts, then counted per aggregate key.
 */
export function aggregateRowsOf(from: SQL): SQL {
  const moments = new Map<SQL, DossierCounter[]>();
  for (const c of dossierCounters) moments.set(facts[c].at, [...(moments.get(facts[c].at) ?? []), c]);
  const rows = [...moments.entries()].map(
    ([at, counters]) =>
      sql`(${vnMonth(at)}, ${sql.join(
        dossierCounters.map((c) => (counters.includes(c) ? sql`(${facts[c].when})::int` : sql`0`)),
        sql`, `,
      )})`,
  );
  const names = dossierCounters.map((c) => sql.raw(counterColumn(c)));
  return sql`select d.owner_unit_id, x.month, d.receiving_agency_id, d.competent_agency_id, d.procedure_id,
      ${sql.join(
        names.map((n) => sql`sum(x.${n})::int as ${n}`),
        sql`, `,
      )}
    from ${from} d cross join lateral (values ${sql.join(rows, sql`, `)}) as x(month, ${sql.join(names, sql`, `)})
    where x.month is not null
    group by d.owner_unit_id, x.month, d.receiving_agency_id, d.competent_agency_id, d.procedure_id`;
}
