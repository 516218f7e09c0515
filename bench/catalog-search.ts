import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import type { DatabaseKind } from '../src/platform/db/connect.ts';
import setup from '../src/testing/global-setup.ts';
import { openTestDatabase, testDatabaseKinds } from '../src/testing/test-db.ts';
import { ms, percentiles } from './stats.ts';

// Typical portal queries: with and without diacritics, filters, paging, code look-ups and misses.
const queries = [
  'q=khai%20sinh',
  'q=dang%20ky%20ket%20hon',
  `q=${encodeURIComponent('ĐĂNG KÝ')}`,
  `q=${encodeURIComponent('chứng thực bản sao')}`,
  'q=sinh%20khai',
  'q=1.001193',
  'q=xyz%20khong%20co',
  `field=${encodeURIComponent('Hộ tịch')}`,
  'level=commune&online=partial&page=3',
  'pageSize=50',
  'q=ho%20kinh%20doanh&level=commune',
  'q=dat%20dai',
];

async function measure(kind: DatabaseKind, rounds: number) {
  const database = await openTestDatabase(kind);
  const app = await buildApp(database, { logLevel: 'silent', filesDir: os.tmpdir() });
  const samples: number[] = [];
  for (let round = -3; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      const response = await app.inject({ method: 'GET', url: `/api/procedures?${query}` });
      const elapsed = performance.now() - start;
      if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode}`);
      if (round >= 0) samples.push(elapsed); // the first rounds only warm up caches and JIT
    }
  }
  await app.close();
  await database.close();
  return percentiles(samples);
}

export async function benchCatalogSearch() {
  await setup(); // the migrated, seeded embedded template
  console.log('\nCatalog search through the HTTP API (GET /api/procedures, 248 procedures, 12 query shapes)');
  const results = new Map<DatabaseKind, ReturnType<typeof percentiles>>();
  for (const kind of testDatabaseKinds()) {
    const r = await measure(kind, 50);
    results.set(kind, r);
    console.log(
      `  ${kind.padEnd(8)} n=${r.n}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  target p99 < 10 ms: ${r.p99 < 10 ? 'met' : 'MISSED'}`,
    );
  }
  const a = results.get('pglite');
  const b = results.get('postgres');
  if (a && b) console.log(`  ratio p99 pglite / postgres: ${(a.p99 / b.p99).toFixed(2)}`);
  else console.log('  (set DATABASE_URL to measure PostgreSQL as well)');
}
