import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Db } from '../db/connect.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { rawRows } from '../db/raw-rows.ts';

/** The application's tables live in `public`; drizzle's own bookkeeping lives in the `drizzle` schema. */
export const APP_SCHEMA = 'public';

export interface ColumnInfo {
  name: string;
  type: string;
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (table: string) => `${quoteIdent(APP_SCHEMA)}.${quoteIdent(table)}`;

/** Every table of the application schema (partitions are reached through their parent), by name. */
export async function describeTables(db: Db): Promise<TableInfo[]> {
  const rows = await rawRows<{ name: string; columns: ColumnInfo[]; pk: string[] | null }>(
    db,
    sql`
      select c.relname as name,
        (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                           'generated', a.attgenerated <> '') order by a.attnum)
           from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
        (select json_agg(a.attname order by k.ord)
           from pg_index i
           cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
           join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
          where i.indrelid = c.oid and i.indisprimary) as pk
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${APP_SCHEMA} and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname collate "C"`,
  );
  return rows.map((r) => ({ name: r.name, columns: r.columns, primaryKey: r.pk ?? [] }));
}

export async function listSequences(db: Db): Promise<string[]> {
  const rows = await rawRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${APP_SCHEMA} and c.relkind = 'S' order by c.relname collate "C"`,
  );
  return rows.map((r) => r.name);
}

export interface MigrationLevel {
  /** Number of applied migrations. */
  count: number;
  /** The journal tag of the last applied migration (e.g. `0028_interop`), when this version of Motcua knows it. */
  tag: string | null;
  /** The journal timestamp of the last applied migration; levels are compared by it, as drizzle does. */
  when: number;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** The level this version of Motcua migrates databases to. */
export function appMigrationLevel(): MigrationLevel {
  const entries = readJournal();
  const last = entries.at(-1);
  return { count: entries.length, tag: last?.tag ?? null, when: last?.when ?? 0 };
}

/** The last migration applied to the database, or level 0 when none ever ran. */
export async function databaseMigrationLevel(db: Db): Promise<MigrationLevel> {
  const [exists] = await rawRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return { count: 0, tag: null, when: 0 };
  const [row] = await rawRows<{ count: string | number; when: string | null }>(
    db,
    sql`select count(*) as count, max(created_at)::text as when from drizzle.__drizzle_migrations`,
  );
  const when = Number(row?.when ?? 0);
  const tag = readJournal().find((e) => e.when === when)?.tag ?? null;
  return { count: Number(row?.count ?? 0), tag, when };
}

export const describeLevel = (level: MigrationLevel) =>
  level.count === 0
    ? 'chưa có migration nào'
    : `migration ${level.tag ?? `thứ ${level.count}`} (${level.count})`;

/**
 * Fixes what the JSON text of a row looks like, so the same data reads the same on every server and session:
 * timestamps in UTC, hex bytea, round-trip floats.
 */
export async function fixOutputSettings(db: Db): Promise<void> {
  for (const statement of [
    "set local timezone = 'UTC'",
    "set local datestyle = 'ISO, YMD'",
    "set local intervalstyle = 'postgres'",
    "set local bytea_output = 'hex'",
    'set local extra_float_digits = 1',
  ])
    await db.execute(sql.raw(statement));
}

/**
 * Applies the migrations up to and including the one of journal timestamp `when` (restoring an older backup
 * into a new database, before the remaining migrations upgrade it): drizzle's migrator reads a copy of the
 * migrations folder whose journal ends there.
 */
export async function migrateTo(database: Database, when: number): Promise<void> {
  const entries = readJournal();
  const last = entries.findIndex((e) => e.when === when);
  if (last < 0) throw new Error(`unknown migration level ${when}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-migrations-'));
  try {
    fs.mkdirSync(path.join(folder, 'meta'));
    const kept = entries.slice(0, last + 1);
    for (const entry of kept)
      fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
    fs.writeFileSync(
      path.join(folder, 'meta', '_journal.json'),
      JSON.stringify({ ...journal, entries: kept }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: both migrators take their own driver type; the db is one of them.
    const db = database.db as any;
    if (database.kind === 'pglite') await migratePglite(db, { migrationsFolder: folder });
    else await migrateNodePg(db, { migrationsFolder: folder });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
