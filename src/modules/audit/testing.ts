import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { recordAudit } from './record.ts';

// Helpers of the audit tests: a chain of its own per test (a fresh unit id), and tampering as a DBA would do it,
// with the append-only trigger switched off around the statement.

/** A new chain of `n` raw entries (state changes of made-up dossiers); answers its unit id. */
export async function writeChain(db: Db, n: number): Promise<string> {
  const unitId = randomUUID();
  for (let i = 1; i <= n; i++)
    await recordAudit(db, {
      unitId,
      actor: { userId: randomUUID(), role: 'specialist', agencyId: randomUUID() },
      action: 'dossier.transition',
      subjectType: 'dossier',
      subjectId: randomUUID(),
      detail: { action: 'complete_step', fromState: 'processing', toState: 'in_review', n: i },
    });
  return unitId;
}

/** Runs statements with the append-only trigger disabled, as the table owner can. */
export async function asDba(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`);
  });
}

export async function entryAt(db: Db, unitId: string, seq: number) {
  const [row] = await rawRows<{ id: string; hash: string; prev_hash: string }>(
    db,
    sql`select id::text, hash, prev_hash from audit_entries where unit_id = ${unitId}::uuid and seq = ${seq}`,
  );
  if (!row) throw new Error(`no entry ${seq} in chain ${unitId}`);
  return row;
}
