import { customType } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL's 64-bit transaction id (`xid8`, never wraps). A column defaulting to `pg_current_xact_id()` tells
 * which transaction wrote a row; together with `pg_snapshot_xmin(pg_current_snapshot())` a reader knows which
 * rows can no longer be joined by a slower, still-running transaction (src/modules/kpi/rollup.ts).
 * Read as text: the values exceed 2^53.
 */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => 'xid8',
});
