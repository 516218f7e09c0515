import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { aggregateTotals } from '../src/modules/kpi/aggregate-store.ts';
import { computeFigures, type FigureQuery, filterOf, scopeUnits } from '../src/modules/kpi/figures.ts';
import { naiveTotals } from '../src/modules/kpi/raw-facts.ts';
import { loadUnitTree } from '../src/modules/kpi/scope.ts';
import { generateSynthetic } from '../src/modules/kpi/synthetic.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { rawRows } from '../src/platform/db/raw-rows.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { ms, percentiles } from './stats.ts';

/**
 * Indicators over a large synthetic history (PostgreSQL): any unit, view and period from the monthly aggregates
 * (target p95 ≤ 50 ms warm), against the naive GROUP BY over the raw dossiers for the same figures. The data
 * lives in the database `motcua_bench_kpi` of the DATABASE_URL server and is reused by later runs; it is
 * generated (`npx motcua generate`) when it holds fewer than BENCH_KPI_DOSSIERS (default 1,000,000) dossiers.
 */
export async function benchIndicators(target = Number(process.env.BENCH_KPI_DOSSIERS ?? 1_000_000)) {
  console.log(
    `\nIndicators over ${target.toLocaleString('en')} dossiers (PostgreSQL; target p95 ≤ 50 ms warm)`,
  );
  const server = process.env.DATABASE_URL;
  if (!server) {
    console.log('  (set DATABASE_URL to run this benchmark)');
    return;
  }
  const url = new URL(server);
  url.pathname = '/motcua_bench_kpi';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'motcua_bench_kpi'`);
  if (exists.rowCount === 0) await admin.query('create database motcua_bench_kpi');
  await admin.end();
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  const { db } = database;
  try {
    await migrate(database);
    await seedDemo(db);
    const [have] = await rawRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from dossiers where code like 'SYN-%'`,
    );
    const missing = target - Number(have?.n ?? 0);
    if (missing > 0) {
      console.log(`  generating ${missing.toLocaleString('en')} dossiers…`);
      const { ms: took } = await generateSynthetic(db, {
        dossiers: missing,
        onProgress: (done, total) =>
          process.stdout.write(`\r  ${done.toLocaleString('en')}/${total.toLocaleString('en')}`),
      });
      console.log(`\n  generated in ${(took / 1000).toFixed(0)} s`);
    }
    const [size] = await rawRows<{ dossiers: number; aggregates: number; ratings: number }>(
      db,
      sql`select (select count(*) from dossiers)::int as dossiers, (select count(*) from kpi_dossier_monthly)::int
        as aggregates, (select count(*) from kpi_rating_monthly)::int as ratings`,
    );
    console.log(
      `  ${size?.dossiers.toLocaleString('en')} dossiers; aggregate rows: ${size?.aggregates.toLocaleString('en')} dossier, ${size?.ratings.toLocaleString('en')} rating`,
    );
    const tree = await loadUnitTree(db);
    const units = [undefined, ...[...tree.units.values()].filter((u) => u.tier >= 2).map((u) => u.id)];
    const periods: [string, string][] = [
      ['2026-10', '2026-10'],
      ['2026-07', '2026-09'],
      ['2025-01', '2025-12'],
      ['2024-01', '2024-06'],
      ['2022-01', '2026-10'],
      ['2021-01', '2025-12'],
    ];
    const queries: FigureQuery[] = [];
    for (const unitId of units)
      for (const view of ['current', 'historical'] as const)
        for (const [from, to] of periods) queries.push({ unitId, view, from, to });
    const now = new Date();
    // Warm-up, then every query timed: the aggregate sum alone, and the whole figures answer.
    for (const q of queries) await computeFigures(db, q, now);
    const sums: number[] = [];
    const whole: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const scope = await scopeUnits(db, q.unitId, q.view);
        const f = filterOf(q, scope?.unitIds ?? []);
        let t0 = performance.now();
        await aggregateTotals(db, f);
        sums.push(performance.now() - t0);
        t0 = performance.now();
        await computeFigures(db, q, now);
        whole.push(performance.now() - t0);
      }
    }
    const a = percentiles(sums);
    const w = percentiles(whole);
    console.log(
      `  from aggregates, sums only           n=${a.n} p50 ${ms(a.p50)} p95 ${ms(a.p95)} p99 ${ms(a.p99)}  ${a.p95 <= 50 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  whole answer (indicators, index, trend, open, catalog) p50 ${ms(w.p50)} p95 ${ms(w.p95)} p99 ${ms(w.p99)}  ${w.p95 <= 50 ? 'met' : 'MISSED'}`,
    );
    // The naive baseline on a sample (each scans the unit's raw rows): the same numbers, far slower.
    // BENCH_KPI_NAIVE: how many figures the naive baseline recomputes (each scans its units' raw rows).
    const naiveCount = Number(process.env.BENCH_KPI_NAIVE ?? 12);
    const sample = queries
      .filter((_, i) => i % Math.max(1, Math.floor(queries.length / naiveCount)) === 0)
      .slice(0, naiveCount);
    const naive: number[] = [];
    const fast: number[] = [];
    let agree = 0;
    for (const q of sample) {
      const scope = await scopeUnits(db, q.unitId, q.view);
      const f = filterOf(q, scope?.unitIds ?? []);
      let t0 = performance.now();
      const raw = await naiveTotals(db, f);
      naive.push(performance.now() - t0);
      t0 = performance.now();
      const agg = (await aggregateTotals(db, f)).counters;
      fast.push(performance.now() - t0);
      if (JSON.stringify(raw) === JSON.stringify(agg)) agree++;
    }
    const n = percentiles(naive);
    const s = percentiles(fast);
    console.log(
      `  naive GROUP BY over raw dossiers     n=${n.n} p50 ${ms(n.p50)} p95 ${ms(n.p95)}; aggregates on the same figures p50 ${ms(s.p50)}`,
    );
    console.log(
      `  ratio naive ÷ aggregates (p50): ${(n.p50 / Math.max(s.p50, 0.001)).toFixed(0)}×; identical counts: ${agree}/${sample.length}`,
    );
  } finally {
    await database.close();
  }
}
