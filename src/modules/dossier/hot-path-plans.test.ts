import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';

// The transition's read and write and the notification's facts are prepared statements: after five runs on a
// connection PostgreSQL keeps a generic plan, made without the values and, on a young database, from statistics
// that say the table is tiny. Such a plan once looked the dossier up through the (unit, received date) index —
// equal in cost to the primary key on a small table — and then read every dossier of the unit on each transition
// (741 buffers per call in the bench). Whatever the statistics, a look-up by (unit, id) must use a unique path.

const uniquePaths = ['dossiers_owner_unit_id_id_pk', 'dossiers_id_idx'];

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function dossierScans(node: PlanNode, found: string[] = []): string[] {
  if (node['Node Type'].includes('Scan') && node['Index Name']?.startsWith('dossiers'))
    found.push(node['Index Name']);
  else if (node['Node Type'] === 'Seq Scan') found.push('Seq Scan');
  for (const child of node.Plans ?? []) dossierScans(child, found);
  return found;
}

describe.each(testDatabaseKinds())('generic plans of the hot dossier statements (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  let probes = 0;
  const genericPlan = async (statement: string, args: string) => {
    let plan: PlanNode | undefined;
    // Prepared statements outlive a rollback on their connection: a new name each time.
    const name = `hot_path_probe_${++probes}`;
    // One connection for SET, PREPARE and EXPLAIN; rolled back, so nothing stays behind.
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
        await tx.execute(sql.raw(`prepare ${name} as ${statement}`));
        const [row] = await rawRows<{ 'QUERY PLAN': unknown }>(
          tx,
          sql.raw(`explain (format json) execute ${name}(${args})`),
        );
        const parsed = row?.['QUERY PLAN'];
        plan = (typeof parsed === 'string' ? JSON.parse(parsed) : parsed)[0].Plan as PlanNode;
        throw new RollBack();
      })
      .catch((error) => {
        if (!(error instanceof RollBack)) throw error;
      });
    if (!plan) throw new Error('no plan');
    return dossierScans(plan);
  };

  const ids = "'00000000-0000-4000-8000-000000000001'::uuid, '00000000-0000-4000-8000-000000000002'::uuid";

  it('reads a dossier by (unit, id) through a unique index', async () => {
    const scans = await genericPlan(
      'select snapshot, version from dossiers where owner_unit_id = $1 and id = $2',
      ids,
    );
    expect(scans).toHaveLength(1);
    expect(uniquePaths).toContain(scans[0]);
  });

  it('updates a dossier by (unit, id, version) through a unique index', async () => {
    const scans = await genericPlan(
      'update dossiers set updated_at = now() where owner_unit_id = $1 and id = $2 and version = $3 returning id',
      `${ids}, 1`,
    );
    expect(scans).toHaveLength(1);
    expect(uniquePaths).toContain(scans[0]);
  });
});

class RollBack extends Error {}
