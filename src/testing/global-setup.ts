import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { templatePath } from './template-path.ts';

/**
 * Builds one migrated, demo-seeded embedded database per test run and saves its dump; every test file starts
 * from a copy (initdb + seeding per file would cost seconds each).
 */
export default async function setup() {
  const database = await openDatabase({});
  await migrate(database);
  await seedDemo(database.db);
  // biome-ignore lint/suspicious/noExplicitAny: the PGlite client behind drizzle, to dump it.
  const client = (database.db as any).$client;
  const dump: Blob = await client.dumpDataDir('none');
  fs.mkdirSync(path.dirname(templatePath), { recursive: true });
  fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
