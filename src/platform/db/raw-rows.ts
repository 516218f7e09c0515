import type { SQL } from 'drizzle-orm';
import type { Db } from './connect.ts';

/** Runs a raw statement and returns its rows (node-postgres and PGlite both answer `{ rows }`). */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
