import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { templatePath } from './template-path.ts';

/** The databases API tests run on: always the embedded one, and PostgreSQL when DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated, demo-seeded database of the given kind, private to the caller. On PostgreSQL it is a new
 * database on the server of DATABASE_URL, dropped again by `close()`.
 */
export async function openTestDatabase(kind: DatabaseKind, poolSize = 4): Promise<Database> {
  if (kind === 'pglite') {
    const dump = new Blob([fs.readFileSync(templatePath)]);
    return openDatabase({ loadDataDir: dump });
  }
  const database = await openScratchPostgres(poolSize);
  await migrate(database);
  await seedDemo(database.db);
  return database;
}

/**
 * A fresh database of the given kind with nothing in it, not even migrations (a restore target). On PostgreSQL
 * it is a new database on the server of DATABASE_URL, dropped again by `close()`.
 */
export async function openEmptyTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  return openScratchPostgres(2);
}

/** A new, empty database on the server of DATABASE_URL that `close()` drops again. */
async function openScratchPostgres(poolSize: number): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
