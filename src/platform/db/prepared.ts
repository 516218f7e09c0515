import { createHash } from 'node:crypto';
import { type Column, Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';

type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

const dialect = new PgDialect();

/**
 * A statement of a hot path whose text is built once, from a drizzle `sql` template with `sql.placeholder(name)`
 * for its values, and sent as a named statement: node-postgres parses it once per connection and PostgreSQL
 * plans it once (after five runs, when a generic plan is as good), where drizzle would otherwise rebuild the text
 * on every call — building a wide statement costs more CPU than the database's work for it. PGlite runs it as
 * any other statement. Values are passed as the driver takes them (see `driverValue`), by placeholder name.
 */
export function preparedStatement<Row>(name: string, build: () => SQL) {
  let compiled: { text: string; names: string[] } | undefined;
  return async (db: DbOrTx, values: Record<string, unknown>): Promise<Row[]> => {
    compiled ??= compile(build());
    const params = compiled.names.map((key) => {
      if (!(key in values)) throw new Error(`${name}: no value for ${key}`);
      return values[key];
    });
    const result = await db._.session
      .prepareQuery({ sql: compiled.text, params }, undefined, name, false)
      .execute();
    // node-postgres and PGlite both answer `{ rows }`.
    return (result as { rows: Row[] }).rows;
  };
}

function compile(statement: SQL): { text: string; names: string[] } {
  const query = dialect.sqlToQuery(statement);
  const names = query.params.map((param) => {
    if (!(param instanceof Placeholder))
      throw new Error(`prepared statements take placeholders only: ${query.sql}`);
    return param.name;
  });
  return { text: query.sql, names };
}

/** A value as a column sends it to the driver (jsonb as text, timestamps as ISO strings), null as null. */
export function driverValue(column: Column, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/**
 * A statement drizzle builds on each call (its shape varies: how many documents, events…), sent as a named
 * statement whose name comes from its text, so that PostgreSQL parses and plans each shape once per connection —
 * planning a wide multi-table insert cost more than running it (0.5 ms against 0.4 in the transitions bench).
 * Only for statements of a few shapes: node-postgres keeps every name it has prepared on the connection.
 */
export async function executeNamed<Row>(db: DbOrTx, statement: SQL): Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  const name = `shape_${createHash('sha1').update(query.sql).digest('base64url').slice(0, 24)}`;
  const result = await db._.session
    .prepareQuery({ sql: query.sql, params: query.params }, undefined, name, false)
    .execute();
  return (result as { rows: Row[] }).rows;
}
