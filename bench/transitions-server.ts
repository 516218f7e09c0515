import os from 'node:os';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/platform/db/connect.ts';

// One API process of the transitions benchmark (as deployed: HTTP API and background workers on a shared
// PostgreSQL), started by bench/transitions.ts with the benchmark database's URL. It answers its port, and
// closes when told to.

const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
if (!databaseUrl || !process.send) throw new Error('started by bench/transitions.ts only');
const database = await openDatabase({ databaseUrl, poolSize: Number(process.env.BENCH_SERVER_POOL ?? 8) });
const app = await buildApp(database, { logLevel: 'silent', filesDir: os.tmpdir() });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
