import { count } from 'drizzle-orm';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { users } from '../../modules/auth/schema.ts';
import { seedDemo } from '../../seed/seed-demo.ts';
import { openEmptyTestDatabase } from '../../testing/test-db.ts';
import { openDatabase } from './connect.ts';
import { migrate } from './migrate.ts';
import { duringStartup } from './startup-lock.ts';

// Two API processes started together on a fresh PostgreSQL database: both migrate and seed, one after the other.
describe.skipIf(!process.env.DATABASE_URL)('start-up lock on PostgreSQL', () => {
  it('lets two processes migrate and seed one fresh database together, in turns', async () => {
    const first = await openEmptyTestDatabase('postgres');
    const url = (first.db as unknown as { $client: pg.Pool }).$client.options.connectionString;
    const second = await openDatabase({ databaseUrl: url, poolSize: 4 });
    try {
      const spans: { from: number; to: number }[] = [];
      const start = (database: typeof first) =>
        duringStartup(database, async () => {
          const from = performance.now();
          await migrate(database);
          await seedDemo(database.db);
          spans.push({ from, to: performance.now() });
        });
      await Promise.all([start(first), start(second)]);
      const [a, b] = spans.sort((x, y) => x.from - y.from);
      expect(b?.from).toBeGreaterThanOrEqual(a?.to ?? Number.POSITIVE_INFINITY);
      const [{ n } = { n: 0 }] = await first.db.select({ n: count() }).from(users);
      const once = await openEmptyTestDatabase('postgres');
      try {
        await migrate(once);
        await seedDemo(once.db);
        const [{ n: expected } = { n: -1 }] = await once.db.select({ n: count() }).from(users);
        expect(n).toBe(expected);
      } finally {
        await once.close();
      }
    } finally {
      await second.close();
      await first.close();
    }
  });
});
