import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { seedHistory } from '../../seed/seed-history.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { aggregateTotals, detailedTotals } from './aggregate-store.ts';
import { filterOf, scopeUnits } from './figures.ts';
import { naiveTotals } from './raw-facts.ts';
import { rollupKpi } from './rollup.ts';
import { loadUnitTree } from './scope.ts';

// Folding the events of a realistic history (supplements, apologies, withdrawals, refusals, stops, interlinked
// agencies, 2021 → 2026 across the 2025 reorganisation) gives the same counts as counting the dossiers' own
// columns: the incremental aggregates and the drill-down/baseline facts agree.

describe.each(testDatabaseKinds())('indicators over the demo history on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedHistory(database.db, { dossiers: 400, seed: 11, now: new Date('2026-11-20T09:30:00+07:00') });
    await rollupKpi(database.db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('agrees with a count over the raw dossiers, for every year, unit and view', async () => {
    const db = database.db;
    const tree = await loadUnitTree(db, Date.now() + 120_000);
    const unitIds: (string | undefined)[] = [undefined, ...tree.units.keys()];
    const periods = [
      ['2021-01', '2022-12'],
      ['2023-01', '2024-12'],
      ['2025-01', '2026-11'],
    ] as const;
    let compared = 0;
    for (const unitId of unitIds) {
      for (const view of ['current', 'historical'] as const) {
        const scope = await scopeUnits(db, unitId, view);
        if (!scope) continue;
        for (const [from, to] of periods) {
          const f = filterOf({ view, from, to }, scope.unitIds);
          const coarse = await aggregateTotals(db, f);
          const detailed = await detailedTotals(db, f);
          const aggregated = coarse.counters;
          expect(aggregated, `${unitId} ${view} ${from}`).toEqual(await naiveTotals(db, f));
          expect(detailed.counters).toEqual(aggregated);
          expect([detailed.ratings, detailed.satisfied]).toEqual([coarse.ratings, coarse.satisfied]);
          compared += Object.values(aggregated).reduce((s, n) => s + n, 0);
        }
      }
    }
    expect(compared).toBeGreaterThan(400);
  }, 120_000);

  it('agrees per agency (coarse agency table) and per field (detailed table)', async () => {
    const db = database.db;
    const agencies = await rawRows<{ id: string }>(
      db,
      sql`select distinct competent_agency_id as id from dossiers union select distinct receiving_agency_id from dossiers`,
    );
    const fields = await rawRows<{ field: string }>(db, sql`select distinct field from dossiers limit 5`);
    const scope = await scopeUnits(db, undefined, 'current');
    for (const agency of agencies) {
      const f = filterOf(
        { view: 'current', from: '2021-01', to: '2026-11', agencyId: agency.id },
        scope?.unitIds ?? [],
      );
      expect((await aggregateTotals(db, f)).counters).toEqual(await naiveTotals(db, f));
    }
    for (const { field } of fields) {
      const f = filterOf({ view: 'current', from: '2021-01', to: '2026-11', field }, scope?.unitIds ?? []);
      expect((await aggregateTotals(db, f)).counters).toEqual(await naiveTotals(db, f));
    }
    expect(agencies.length).toBeGreaterThan(3);
    // Every rating of the history counted once, satisfied ones apart.
    const [ratings] = await rawRows<{ n: number; satisfied: number }>(
      db,
      sql`select count(*)::int as n, (count(*) filter (where satisfied))::int as satisfied from dossier_ratings`,
    );
    const all = await aggregateTotals(
      db,
      filterOf({ view: 'current', from: '2021-01', to: '2026-12' }, scope?.unitIds ?? []),
    );
    expect(ratings?.n).toBeGreaterThan(50);
    expect([all.ratings, all.satisfied]).toEqual([ratings?.n, ratings?.satisfied]);
  }, 120_000);
});
