import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../platform/db/connect.ts';
import { dossierWalk } from '../../testing/dossier-walk.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { aggregateTotals } from './aggregate-store.ts';
import { vnMonthOf } from './counters.ts';
import { filterOf, scopeUnits } from './figures.ts';
import { naiveTotals } from './raw-facts.ts';
import { rollupKpi } from './rollup.ts';

const DESK = 'motcua.vithanh@demo.motcua.vn';

// Several API processes each run the roll-up on one PostgreSQL database (docs/deploy.md): rounds that start
// together, on separate connection pools as separate processes have, must fold every event exactly once.
describe.skipIf(!process.env.DATABASE_URL)('indicator roll-up in two processes', () => {
  const t = useTestApp('postgres');
  let other: Database;

  beforeAll(async () => {
    const url = (t.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString;
    other = await openDatabase({ databaseUrl: url, poolSize: 4 });
  });
  afterAll(async () => other?.close());

  it('counts each event once when both processes roll up at the same time, while dossiers keep moving', async () => {
    const { act, toResult } = dossierWalk(t);
    const cookie = await t.login(DESK);
    let folded = 0;
    for (let round = 0; round < 4; round++) {
      // New events arrive between and during the rounds.
      const walking = toResult(cookie).then((d) =>
        act(cookie, d, { type: 'return_result', channel: 'counter' }),
      );
      const results = await Promise.all([rollupKpi(t.database.db), rollupKpi(other.db), walking]);
      folded += results[0].events + results[1].events;
    }
    const last = await Promise.all([rollupKpi(t.database.db), rollupKpi(other.db)]);
    folded += last[0].events + last[1].events;
    expect(folded).toBeGreaterThan(0);

    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      slug: string;
      unitId: string;
    }[];
    const unit = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.unitId ?? '';
    const scope = await scopeUnits(t.database.db, unit, 'current');
    const month = vnMonthOf(new Date()).slice(0, 7);
    const f = filterOf({ view: 'current', from: month, to: month }, scope?.unitIds ?? []);
    const raw = await naiveTotals(t.database.db, f);
    expect(raw.returned).toBeGreaterThanOrEqual(4);
    expect((await aggregateTotals(t.database.db, f)).counters).toEqual(raw);
  });
});
