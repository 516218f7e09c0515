import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';
import { rawRows } from './raw-rows.ts';

/**
 * PostgreSQL's 64-bit transaction id (`xid8`, never wraps). A column defaulting to `pg_current_xact_id()` tells
 * which transaction wrote a row; together with the commit horizon below a reader knows which rows can no longer
 * be joined by a slower, still-running transaction (src/modules/kpi/rollup.ts).
 * Read as text: the values exceed 2^53.
 */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => 'xid8',
});

/**
 * The oldest transaction of this database that may still write: the lowest in-progress id of the snapshot that
 * belongs to a session on this database (other databases of the same server cannot write these tables, and their
 * long transactions must not hold the figures back), else the next id to be assigned. Read after the snapshot, so
 * a transaction that starts later gets an id above it. Every row written with a `tx` below it is final.
 */
export const horizonSql = sql`with s as (select pg_current_snapshot() as snap),
    mine as (select backend_xid::text::bigint as x from pg_stat_activity
      where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid())
  select coalesce(
    (select min(x) from s, pg_snapshot_xip(s.snap) as x where (x::text::bigint % 4294967296) in (select x from mine)),
    (select pg_snapshot_xmax(snap) from s))::text as h`;

/** The commit horizon (`horizonSql`) as text, read in the caller's transaction. */
export async function commitHorizon(tx: Db): Promise<string> {
  const [row] = await rawRows<{ h: string }>(tx, horizonSql);
  if (!row) throw new Error('no snapshot');
  return row.h;
}
