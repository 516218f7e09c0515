// Creates or drops a database on the CI PostgreSQL server (used by .ci/run).
import pg from 'pg';

const [serverUrl, action, name] = process.argv.slice(2);
const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  if (action === 'create') await client.query(`create database ${name}`);
  else if (action === 'drop') await client.query(`drop database if exists ${name} with (force)`);
  else if (action === 'drop-stale') {
    // Test databases older than two hours belong to runs that were killed before cleaning up.
    const { rows } = await client.query(
      `select datname from pg_database where datname ~ '^motcua_(ci|t|e2e)_'`,
    );
    for (const { datname } of rows) {
      const ts = Number(/^motcua_(?:ci|e2e)_(\d+)/.exec(datname)?.[1] ?? 0);
      const ageMs =
        ts > 1e12 ? Date.now() - ts : ts > 1e9 ? Date.now() - ts * 1000 : Number.POSITIVE_INFINITY;
      const { rows: users } = await client.query('select 1 from pg_stat_activity where datname = $1', [
        datname,
      ]);
      // Unnamed-by-time test databases are dropped only when nobody is connected to them.
      if (ageMs > 2 * 3600_000 && users.length === 0)
        await client.query(`drop database if exists ${datname}`);
    }
  } else throw new Error(`unknown action ${action}`);
} finally {
  await client.end();
}
