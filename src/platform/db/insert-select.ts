import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * `insert into <table> (cols) select <values> from <source>`: one row per row of `source` (a CTE name), so an
 * insert can depend on an earlier data-modifying CTE in the same statement. Each value is encoded as its column
 * encodes it (jsonb, timestamps) and cast to the column's type, since a SELECT list gives PostgreSQL no target
 * type to infer parameters from.
 */
export function insertSelectFrom<T extends PgTable>(
  table: T,
  row: Partial<T['$inferInsert']>,
  source: string,
): SQL {
  const columns = getTableColumns(table);
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  const names = entries.map(([key]) => sql.identifier(columnOf(columns, key).name));
  const values = entries.map(([key, value]) => {
    const column = columnOf(columns, key);
    const encoded = value === null ? null : column.mapToDriverValue(value);
    return sql`${encoded}::${sql.raw(column.getSQLType())}`;
  });
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} from ${sql.identifier(source)}`;
}

function columnOf(columns: Record<string, ReturnType<typeof getTableColumns>[string]>, key: string) {
  const column = columns[key];
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}
