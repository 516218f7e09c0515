import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { aggregateTotals } from './aggregate-store.ts';
import { computeFigures, filterOf, scopeUnits } from './figures.ts';
import { naiveTotals } from './raw-facts.ts';
import { rollupKpi } from './rollup.ts';
import { generateSynthetic } from './synthetic.ts';

const NOW = new Date('2026-11-20T09:30:00+07:00');

describe.each(testDatabaseKinds())('synthetic history on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await generateSynthetic(database.db, { dossiers: 5000, now: NOW });
  }, 120_000);
  afterAll(async () => database?.close());

  it('writes the dossiers and their aggregates together: figures equal the raw count', async () => {
    const db = database.db;
    const [count] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from dossiers`);
    expect(count?.n).toBe(5000);
    for (const view of ['current', 'historical'] as const) {
      const scope = await scopeUnits(db, undefined, view);
      for (const [from, to] of [
        ['2021-01', '2023-12'],
        ['2024-01', '2026-11'],
      ] as const) {
        const f = filterOf({ view, from, to }, scope?.unitIds ?? []);
        expect((await aggregateTotals(db, f)).counters).toEqual(await naiveTotals(db, f));
      }
    }
    // Nothing left for the roll-up: the bulk rows were counted as they were written.
    expect(await rollupKpi(db)).toEqual({ events: 0, ratings: 0 });
  });

  it('looks like a real history: more online every year, about 94 % on time, most citizens satisfied', async () => {
    const db = database.db;
    const year = async (y: number) =>
      (await computeFigures(db, { view: 'current', from: `${y}-01`, to: `${y}-12` }, NOW))?.indicators ?? [];
    const value = async (y: number, key: string) => (await year(y)).find((i) => i.key === key)?.value ?? 0;
    expect(await value(2021, 'dossiers_online')).toBeLessThan(15);
    expect(await value(2025, 'dossiers_online')).toBeGreaterThan(55);
    const onTime = await value(2024, 'on_time');
    expect(onTime).toBeGreaterThan(88);
    expect(onTime).toBeLessThan(99);
    expect(await value(2024, 'satisfaction')).toBeGreaterThan(90);
    // The successors of 1 July 2025 hold only dossiers of their time, their predecessors the older ones.
    const units = await rawRows<{ id: string; valid_to: string | null }>(
      db,
      sql`select distinct u.id, u.valid_to::text from dossiers d join admin_units u on u.id = d.owner_unit_id`,
    );
    expect(units.some((u) => u.valid_to !== null)).toBe(true);
    expect(units.some((u) => u.valid_to === null)).toBe(true);
  });
});
