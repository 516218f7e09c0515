import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { type CanonicalEntry, canonicalColumns, entryHash } from './chain-hash.ts';
import { sealAuditLog } from './seal.ts';
import { asDba, entryAt, writeChain } from './testing.ts';
import { verifyAuditLog } from './verify.ts';

// Direct SQL against a sealed chain, as someone with database rights would do it: every kind of rewrite must be
// found by verify, which names the first broken entry.

describe.each(testDatabaseKinds())('audit log tamper detection (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const sealedChain = async (n = 6) => {
    const unitId = await writeChain(database.db, n);
    await sealAuditLog(database.db);
    const report = await verifyAuditLog(database.db, { unitIds: [unitId] });
    expect(report.ok).toBe(true);
    expect(report.chains).toEqual([
      expect.objectContaining({ unitId, checked: n, headSeq: n, broken: null }),
    ]);
    return unitId;
  };
  const brokenAt = async (unitId: string) => {
    const report = await verifyAuditLog(database.db, { unitIds: [unitId] });
    expect(report.ok).toBe(false);
    return report.chains[0]?.broken;
  };

  it('chains entries in order, each linked to the previous one', async () => {
    const unitId = await sealedChain(4);
    const first = await entryAt(database.db, unitId, 1);
    const second = await entryAt(database.db, unitId, 2);
    expect(first.prev_hash).toBe('0'.repeat(64));
    expect(second.prev_hash).toBe(first.hash);
  });

  it('refuses an ordinary UPDATE or DELETE of a sealed entry', async () => {
    const unitId = await sealedChain(2);
    await expect(
      database.db.execute(
        sql`update audit_entries set action = 'x' where unit_id = ${unitId}::uuid and seq = 1`,
      ),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`delete from audit_entries where unit_id = ${unitId}::uuid and seq = 2`),
    ).rejects.toThrow();
    expect((await verifyAuditLog(database.db, { unitIds: [unitId] })).ok).toBe(true);
  });

  it('finds an altered entry', async () => {
    const unitId = await sealedChain();
    const target = await entryAt(database.db, unitId, 3);
    await asDba(
      database.db,
      sql`update audit_entries set detail = jsonb_set(detail, '{toState}', '"rejected"')
        where unit_id = ${unitId}::uuid and seq = 3`,
    );
    expect(await brokenAt(unitId)).toMatchObject({ seq: 3, entryId: target.id, kind: 'altered' });
  });

  it('finds an altered actor or time', async () => {
    const unitId = await sealedChain();
    await asDba(
      database.db,
      sql`update audit_entries set occurred_at = occurred_at - interval '1 day'
        where unit_id = ${unitId}::uuid and seq = 5`,
    );
    expect(await brokenAt(unitId)).toMatchObject({ seq: 5, kind: 'altered' });
  });

  it('finds an entry deleted in the middle', async () => {
    const unitId = await sealedChain();
    const next = await entryAt(database.db, unitId, 4);
    await asDba(database.db, sql`delete from audit_entries where unit_id = ${unitId}::uuid and seq = 3`);
    expect(await brokenAt(unitId)).toMatchObject({ seq: 4, entryId: next.id, kind: 'missing' });
  });

  it('finds the newest entries deleted', async () => {
    const unitId = await sealedChain();
    await asDba(database.db, sql`delete from audit_entries where unit_id = ${unitId}::uuid and seq >= 5`);
    expect(await brokenAt(unitId)).toMatchObject({ seq: 5, kind: 'truncated' });
  });

  it('finds a chain emptied (truncated) down to its head row', async () => {
    const unitId = await sealedChain();
    await asDba(database.db, sql`delete from audit_entries where unit_id = ${unitId}::uuid`);
    expect(await brokenAt(unitId)).toMatchObject({ seq: 1, kind: 'truncated' });
  });

  it('finds the head row deleted', async () => {
    const unitId = await sealedChain();
    await database.db.execute(sql`delete from audit_chain_heads where unit_id = ${unitId}::uuid`);
    expect(await brokenAt(unitId)).toMatchObject({ kind: 'no_head' });
  });

  const forge = async (unitId: string, seq: number, prevHash: string, hash?: string) => {
    await database.db.execute(sql`insert into audit_entries (unit_id, action, subject_type, subject_id, detail,
        seq, prev_hash, hash, sealed_at)
      values (${unitId}::uuid, 'dossier.transition', 'dossier', 'forged', '{"toState":"result_issued"}'::jsonb,
        ${seq}, ${prevHash}, ${hash ?? 'f'.repeat(64)}, now())`);
  };
  /** Gives a forged row the hash a forger who knows the algorithm would compute. */
  const rehash = async (unitId: string, seq: number, prevHash: string) => {
    const [row] = await rawRows<CanonicalEntry>(
      database.db,
      sql`select ${canonicalColumns} from audit_entries e where e.unit_id = ${unitId}::uuid and e.subject_id = 'forged'`,
    );
    if (!row) throw new Error('no forged row');
    await asDba(
      database.db,
      sql`update audit_entries set hash = ${entryHash(row, seq, prevHash)}
        where unit_id = ${unitId}::uuid and id = ${row.id}::bigint`,
    );
    return row.id;
  };

  it('finds a forged, correctly hashed entry appended after the head', async () => {
    const unitId = await sealedChain();
    const last = await entryAt(database.db, unitId, 6);
    await forge(unitId, 7, last.hash);
    await rehash(unitId, 7, last.hash);
    expect(await brokenAt(unitId)).toMatchObject({ seq: 7, kind: 'beyond_head' });
  });

  it('finds a forged, correctly hashed entry put in place of a deleted one', async () => {
    const unitId = await sealedChain();
    const before = await entryAt(database.db, unitId, 2);
    const after = await entryAt(database.db, unitId, 4);
    await asDba(database.db, sql`delete from audit_entries where unit_id = ${unitId}::uuid and seq = 3`);
    await forge(unitId, 3, before.hash);
    await rehash(unitId, 3, before.hash);
    expect(await brokenAt(unitId)).toMatchObject({ seq: 4, entryId: after.id, kind: 'prev_hash' });
  });

  it('finds a forged entry inserted with a sequence number already taken', async () => {
    const unitId = await sealedChain();
    await database.db.execute(sql`drop index audit_entries_chain_uq`);
    try {
      const before = await entryAt(database.db, unitId, 2);
      await forge(unitId, 3, before.hash);
      const forgedId = await rehash(unitId, 3, before.hash);
      const broken = await brokenAt(unitId);
      // The forged row has the higher id, so it is read second: the duplicate is named at it.
      expect(broken).toMatchObject({ seq: 3, entryId: forgedId, kind: 'duplicate' });
    } finally {
      await asDba(database.db, sql`delete from audit_entries where unit_id = ${unitId}::uuid`);
      await database.db.execute(
        sql`create unique index audit_entries_chain_uq on audit_entries (unit_id, seq)`,
      );
    }
  });

  it('leaves other chains intact and reports only the broken one', async () => {
    const good = await sealedChain(3);
    const bad = await sealedChain(3);
    await asDba(
      database.db,
      sql`update audit_entries set subject_id = 'x' where unit_id = ${bad}::uuid and seq = 1`,
    );
    const report = await verifyAuditLog(database.db, { unitIds: [good, bad] });
    expect(report.ok).toBe(false);
    const byUnit = new Map(report.chains.map((c) => [c.unitId, c]));
    expect(byUnit.get(good)?.broken).toBeNull();
    expect(byUnit.get(bad)?.broken).toMatchObject({ seq: 1, kind: 'altered' });
  });
});
