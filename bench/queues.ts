import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Principal } from '../src/modules/auth/permissions.ts';
import { listDossiers } from '../src/modules/dossier/list-dossiers.ts';
import { openTestDatabase } from '../src/testing/test-db.ts';
import { ms, percentiles } from './stats.ts';

/**
 * Work-queue pages with a million dossiers loaded (PostgreSQL): 98% closed, 2% open and spread over the agencies'
 * queues and roles, five years of receipts; each row carries a realistic ~1 KB snapshot.
 */
export async function benchQueues(total = 1_000_000) {
  console.log(
    `\nWork-queue pages with ${total.toLocaleString('en')} dossiers (PostgreSQL; target p99 ≤ 50 ms)`,
  );
  if (!process.env.DATABASE_URL) {
    console.log('  (set DATABASE_URL to run this benchmark)');
    return;
  }
  const database = await openTestDatabase('postgres', 8);
  const { db } = database;
  try {
    const started = performance.now();
    const snapshot = JSON.stringify({ note: 'x'.repeat(900), steps: [1, 2, 3, 4, 5] });
    // Agencies and procedures of the seeded demo; dossiers spread over them.
    await db.execute(sql`
      with a as (select id, unit_id, (row_number() over (order by id) - 1)::int as n from agencies),
           p as (select id, code, name, field, (row_number() over (order by code) - 1)::int as n from procedures),
           counts as (select (select count(*) from agencies)::int as agencies, (select count(*) from procedures)::int as procedures)
      insert into dossiers (owner_unit_id, id, code, procedure_id, procedure_code, procedure_name, field, rule_profile,
        state, channel, receiving_agency_id, competent_agency_id, current_agency_id, "current_role", applicant_kind,
        applicant_name, received_at, due_at, snapshot, version, created_at)
      select a.unit_id, gen_random_uuid(), null, p.id, p.code, p.name, p.field, 'nd118-2025',
        case when g % 50 = 0 then 'in_progress' else 'returned' end,
        (array['counter','online','post'])[1 + g % 3], a.id, a.id,
        case when g % 50 = 0 then a.id end,
        case when g % 50 = 0 then (array['desk_officer','specialist','head_of_office','signing_leader','clerk'])[1 + (g / 50) % 5] end,
        'person', 'Người nộp ' || g,
        now() - ((g % 1825) || ' days')::interval, now() - ((g % 1825) || ' days')::interval + interval '7 days',
        ${snapshot}::jsonb, 1, now() - ((g % 1825) || ' days')::interval
      from generate_series(1, ${total}) g
      cross join counts
      join a on a.n = g % counts.agencies
      join p on p.n = g % counts.procedures`);
    // A live table is vacuumed by autovacuum; after a bulk load, do it once so index-only scans apply.
    await db.execute(sql`vacuum analyze dossiers`);
    console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const result = await db.execute(
      sql`select id from agencies where slug like ${'cantho-phuong-vi-thanh-%'}`,
    );
    const agencies = (result as unknown as { rows: { id: string }[] }).rows;
    const roles = ['desk_officer', 'specialist', 'head_of_office', 'signing_leader', 'clerk'] as const;
    const officers: Principal[] = agencies.flatMap((a) =>
      roles.map((role) => ({
        userId: 'bench',
        kind: 'officer' as const,
        fullName: 'Bench',
        roles: [{ role, agencyId: a.id }],
      })),
    );
    for (const [label, scope] of [
      ['queue (waiting for my role, most urgent first)', 'queue'],
      ['all dossiers of my agency (newest first)', 'all'],
    ] as const) {
      const samples: number[] = [];
      for (let round = -2; round < 20; round++) {
        for (const principal of officers) {
          const t0 = performance.now();
          await listDossiers(db, principal, { scope, page: 1 + (round & 1), pageSize: 20 });
          if (round >= 0) samples.push(performance.now() - t0);
        }
      }
      const r = percentiles(samples);
      console.log(
        `  ${label.padEnd(48)} n=${r.n} p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)}  ${r.p99 <= 50 ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    await database.close();
  }
}
