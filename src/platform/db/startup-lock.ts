import type pg from 'pg';
import type { Database } from './connect.ts';

// Several API processes share one PostgreSQL database and all start by migrating and seeding. Run at the same
// time on a fresh database, two migrators both apply migration 1 and the second fails on "already exists"
// (drizzle checks the journal, then applies, without a lock); two seeders insert the same rows. A session-level
// advisory lock makes the processes take turns: the second one finds everything done and only checks.
// The embedded database needs nothing: its data directory admits one process (lock.ts).

/** Advisory lock key of the start-up work ('motc' in ASCII), the same in every process of every version. */
export const STARTUP_LOCK_KEY = 0x6d6f7463;

/** Runs `work` (migrate, seed) while holding the database's start-up lock; waits for another process's turn. */
export async function duringStartup<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  // A connection of its own holds the lock; the work runs on the others of the pool.
  const holder = await pool.connect();
  try {
    await holder.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await holder.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    holder.release();
  }
}
