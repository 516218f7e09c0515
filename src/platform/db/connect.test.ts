import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect.ts';

// Regression: an idle pooled connection terminated by the server crashed the whole process (unhandled 'error').
describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connection pool', () => {
  it('survives the server terminating its idle connections', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
    const { rows } = await (database.db as unknown as { $client: pg.Pool }).$client.query(
      'select pg_backend_pid() as pid',
    );
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    const again = await (database.db as unknown as { $client: pg.Pool }).$client.query('select 1 as ok');
    expect(again.rows[0].ok).toBe(1);
    await database.close();
  });
});
